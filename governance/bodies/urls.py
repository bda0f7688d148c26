from django.urls import path

from governance.access import params  # noqa: F401 (registers the <id:…> converter)
from governance.bodies import views

app_name = "members"

urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/<id:pk>/", views.meeting, name="meeting"),
    path("meetings/<id:pk>/attendance/", views.attendance, name="attendance"),
    path("meetings/<id:pk>/agenda/send/", views.agenda_send, name="agenda_send"),
    path("meetings/<id:pk>/items/add/", views.item_add, name="item_add"),
    path("meetings/<id:pk>/invitees/add/", views.invitee_add, name="invitee_add"),
    path("meetings/<id:pk>/cancel/", views.cancel, name="cancel"),
    path("materials/<id:pk>/", views.material, name="material"),
    path("items/<id:pk>/declare/", views.declare, name="declare"),
    path("items/<id:pk>/vote/", views.poll_open, name="poll_open"),
    path("votes/<id:pk>/", views.vote, name="vote"),
    path("votes/<id:pk>/close/", views.poll_close, name="poll_close"),
    path("minutes/<id:pk>/docx/", views.minutes_docx, name="minutes_docx"),
    path("minutes/<id:pk>/draft/", views.minutes_draft_docx, name="minutes_draft_docx"),
    path("minutes/<id:pk>/remark/", views.minutes_remark, name="minutes_remark"),
    path("items/<id:pk>/decision/", views.decision, name="decision"),
    path("meetings/<id:pk>/minutes/", views.minutes, name="minutes"),
    path("decisions/<id:pk>/docx/", views.decision_docx, name="decision_docx"),
]
