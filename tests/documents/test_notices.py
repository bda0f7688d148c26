import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.db import transaction
from django.utils.translation import gettext_lazy
from wagtail.users.models import UserProfile

from documents import notices
from documents.models import Notice, NoticePreference
from documents.wagtail_hooks import NoticeSettingsPanel
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MESSAGE = gettext_lazy("“%(title)s” awaits your approval.")  # a message of the orders catalogue


def speaker(username, language):
    user = UserFactory(username=username)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


def test_each_recipient_is_told_in_their_own_language_and_the_actor_is_not(django_capture_on_commit_callbacks):
    kyrgyz, russian, actor = speaker("aibek", "ky"), speaker("olga", "ru"), UserFactory(username="actor")

    with django_capture_on_commit_callbacks(execute=True):
        notices.notify(
            recipients=[kyrgyz, russian, actor, kyrgyz],
            message=MESSAGE,
            params={"title": "№ 1"},
            url="/x/",
            actor=actor,
        )

    assert sorted(m.to[0] for m in mail.outbox) == ["aibek@kyzmat.example", "olga@kyzmat.example"]
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address["aibek@kyzmat.example"].subject == "«№ 1» сиздин макулдашууңузду күтүп турат."
    assert by_address["olga@kyzmat.example"].subject == "«№ 1» ожидает вашего согласования."
    assert "/x/" in by_address["olga@kyzmat.example"].body
    notice = Notice.objects.get(user=russian)
    assert (notice.text("ky"), notice.text("ru")) == (
        "«№ 1» сиздин макулдашууңузду күтүп турат.",
        "«№ 1» ожидает вашего согласования.",
    )
    assert not Notice.objects.filter(user=actor).exists()


def test_who_turned_email_off_sees_the_notice_but_gets_no_mail(django_capture_on_commit_callbacks):
    quiet = UserFactory(username="quiet")
    NoticePreference.objects.create(user=quiet, email=False)

    with django_capture_on_commit_callbacks(execute=True):
        notices.notify(recipients=[quiet], message=MESSAGE, params={"title": "№ 2"})

    assert mail.outbox == []
    assert Notice.objects.filter(user=quiet).count() == 1


def test_an_action_rolled_back_tells_no_one():
    user = UserFactory(username="someone")

    with pytest.raises(RuntimeError), transaction.atomic():
        notices.notify(recipients=[user], message=MESSAGE, params={"title": "№ 3"})
        raise RuntimeError("the action failed")

    assert mail.outbox == []
    assert not Notice.objects.exists()


def test_email_is_turned_off_on_the_account_page(client, rf):
    user = UserFactory(username="editor1")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    page = client.get("/admin/account/", follow=True)
    assert page.status_code == 200
    assert 'name="kyzmat_notices-email"' in page.content.decode()
    assert not NoticePreference.objects.exists()  # showing the page writes nothing

    request = rf.post("/admin/account/", {"kyzmat_notices-email": ""})
    form = NoticeSettingsPanel(request, user, None).get_form()
    assert form.is_valid()
    form.save()
    assert NoticePreference.objects.get(user=user).email is False
    assert not notices.wants_email(user)


def staff(username, language):
    user = speaker(username, language)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def told(user, title: str, url: str = "/admin/snippets/orders/order/") -> Notice:
    return notices.notify(recipients=[user], message=MESSAGE, params={"title": title}, url=url)[0]


def test_following_a_notice_reads_it_and_the_desk_shows_only_the_unread(client):
    reader = staff("aibek", "ru")
    first, second = told(reader, "№ 1"), told(reader, "№ 2")
    client.force_login(reader)
    assert "«№ 1»" in client.get("/admin/").content.decode()

    response = client.get(f"/admin/notices/{first.pk}/")

    assert response.status_code == 302 and response["Location"] == "/admin/snippets/orders/order/"
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None and second.read_at is None
    desk = client.get("/admin/").content.decode()
    assert "«№ 1»" not in desk and "«№ 2»" in desk


def test_nobody_reads_or_follows_another_users_notice(client):
    owner, other = staff("aibek", "ky"), staff("olga", "ru")
    notice = told(owner, "№ 1")
    client.force_login(other)

    assert client.get(f"/admin/notices/{notice.pk}/").status_code == 404
    assert client.get("/admin/notices/999999999/").status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_a_notice_never_leads_off_the_site(client):
    reader = staff("aibek", "ky")
    notice = told(reader, "№ 1", url="https://elsewhere.example/phish")
    client.force_login(reader)

    response = client.get(f"/admin/notices/{notice.pk}/")

    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_marking_all_read_empties_the_list_and_asks_for_a_post(client):
    reader, other = staff("aibek", "ru"), staff("olga", "ru")
    for number in range(3):
        told(reader, f"№ {number}")
    kept = told(other, "№ 9")
    client.force_login(reader)

    assert client.get("/admin/notices/read/").status_code == 405
    response = client.post("/admin/notices/read/", follow=True)

    assert "Все уведомления отмечены как прочитанные." in response.content.decode()
    assert not notices.unread(reader).exists()
    kept.refresh_from_db()
    assert kept.read_at is None  # only the reader's own
