"""The members' portal: a signed-in area of the public site where members of collegial bodies read
their meetings, agendas and materials and vote, and where the chair or the secretary runs the
meeting (attendance, conflicts of interest, opening and closing votes).

Every view asks the policy; a meeting or a material the reader may not read is a 404, the same as
one that does not exist. A button posts to a view that calls a service; a refusal comes back as a
message in the reader's language and changes nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from documents.docx.letterhead import agency_letterhead
from governance.access import policy
from governance.bodies import selectors, services
from governance.bodies.docx import build_minutes
from governance.bodies.enums import Choice
from governance.bodies.models import AgendaItem, Decision, Material, Meeting, Minutes, Poll

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _visible(user, action: str, obj):
    if not policy.can(user, action, obj):
        raise Http404
    return obj


def _meeting_url(meeting: Meeting) -> str:
    return redirect("members:meeting", meeting.pk)


def _run(request, meeting: Meeting, call, success: str):
    """Call a service; its refusal becomes a message for the reader, and nothing changed."""
    try:
        result = call()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return None
    except PermissionDenied as error:
        messages.error(request, str(error))
        return None
    messages.success(request, success)
    return result


@require_GET
@login_required
def home(request):
    bodies = [
        (body, selectors.composition_problems(body))
        for body in policy.visible(request.user, "bodies.view_body", selectors.my_bodies(request.user))
    ]
    return render(
        request,
        "bodies/members_home.html",
        {
            "bodies": bodies,
            "upcoming": selectors.upcoming_meetings(request.user),
            "recent": selectors.recent_meetings(request.user)[:10],
        },
    )


@require_GET
@login_required
def meeting(request, pk: int):
    try:
        found = selectors.meeting_page(pk)
    except Meeting.DoesNotExist:
        raise Http404 from None
    _visible(request.user, "bodies.view_meeting", found)
    user = request.user
    present = selectors.present_ids(found)
    items = []
    for item in found.items.all():
        recused = {d.user_id for d in item.declarations.all()}
        polls = []
        for poll in item.polls.all():
            polls.append(
                {
                    "poll": poll,
                    "my_vote": selectors.my_open_vote(poll, user),
                    "voted": selectors.has_voted(poll, user),
                    "receipts": selectors.counted_receipts(poll),
                    "open_votes": selectors.open_votes(poll),
                }
            )
        items.append(
            {
                "item": item,
                "late": found.added_late(item.added_at),
                "materials": [(material, found.added_late(material.added_at)) for material in item.materials.all()],
                "recused": user.pk in recused,
                "recusals": list(item.declarations.all()),
                "quorum": selectors.quorum(found, item),
                "may_vote": user.pk in present and user.pk not in recused,
                "polls": polls,
                "open": any(p.is_open for p in item.polls.all()),
                "decision": getattr(item, "decision", None),
                "adopted": any(p.outcome == "adopted" for p in item.polls.all()),
            }
        )
    return render(
        request,
        "bodies/members_meeting.html",
        {
            "meeting": found,
            "items": items,
            "quorum": selectors.quorum(found),
            "problems": selectors.composition_problems(found.body, selectors.meeting_day(found)),
            "runs": policy.can(user, "bodies.run_meeting", found),
            "plans": found.status == "planned" and policy.can(user, "bodies.schedule", found.body),
            "members": selectors.members_on(found.body, selectors.meeting_day(found)),
            "present": present,
            "choices": Choice.choices,
            "minutes": Minutes.objects.filter(meeting=found).first(),
            "execution": selectors.execution_report(found),
        },
    )


@require_GET
@login_required
def material(request, pk: int):
    found = get_object_or_404(Material.objects.select_related("item__meeting__body"), pk=pk)
    _visible(request.user, "bodies.view_material", found)
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=found.file.name.rsplit("/", 1)[-1])


@require_POST
@login_required
def attendance(request, pk: int):
    found = _visible(request.user, "bodies.view_meeting", get_object_or_404(Meeting, pk=pk))
    present = [int(value) for value in request.POST.getlist("present") if value.isdigit()]
    _run(
        request,
        found,
        lambda: services.attendance_register(actor=request.user, meeting=found, present=present),
        _("The attendance is registered."),
    )
    return _meeting_url(found)


@require_POST
@login_required
def declare(request, pk: int):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__body"), pk=pk)
    found = _visible(request.user, "bodies.view_meeting", item.meeting)
    _run(
        request,
        found,
        lambda: services.declaration_add(actor=request.user, item=item, reason=request.POST.get("reason", "")),
        _("Your conflict of interest is declared: you are recused from this item."),
    )
    return _meeting_url(found)


@require_POST
@login_required
def poll_open(request, pk: int):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__body"), pk=pk)
    found = _visible(request.user, "bodies.view_meeting", item.meeting)
    secret = request.POST.get("secret") == "1"
    _run(
        request,
        found,
        lambda: services.poll_open(actor=request.user, item=item, secret=secret),
        _("The vote is open."),
    )
    return _meeting_url(found)


@require_POST
@login_required
def vote(request, pk: int):
    poll = get_object_or_404(Poll.objects.select_related("item__meeting__body"), pk=pk)
    found = _visible(request.user, "bodies.view_meeting", poll.item.meeting)
    receipt = _run(
        request,
        found,
        lambda: services.vote_cast(actor=request.user, poll=poll, choice=request.POST.get("choice", "")),
        _("Your vote is recorded."),
    )
    if receipt:
        messages.info(
            request,
            _("Your receipt code is %(code)s. Keep it: after the vote closes, find it among the counted ballots.")
            % {"code": receipt},
        )
    return _meeting_url(found)


@require_POST
@login_required
def poll_close(request, pk: int):
    poll = get_object_or_404(Poll.objects.select_related("item__meeting__body"), pk=pk)
    found = _visible(request.user, "bodies.view_meeting", poll.item.meeting)
    _run(request, found, lambda: services.poll_close(actor=request.user, poll=poll), _("The vote is closed."))
    return _meeting_url(found)


def _docx(record, name: str):
    if not record.is_registered or not record.document:
        raise Http404
    return FileResponse(record.document.open("rb"), as_attachment=True, filename=name)


@require_GET
@login_required
def minutes_docx(request, pk: int):
    found = get_object_or_404(Minutes.objects.select_related("meeting__body"), pk=pk)
    _visible(request.user, "bodies.view_meeting", found.meeting)
    return _docx(found, f"minutes-{found.meeting.body.code}-{found.year}-{found.number}.docx")


@require_GET
@login_required
def decision_docx(request, pk: int):
    found = get_object_or_404(Decision.objects.select_related("item__meeting__body"), pk=pk)
    _visible(request.user, "bodies.view_meeting", found.item.meeting)
    return _docx(found, f"decision-{found.item.meeting.body.code}-{found.year}-{found.number_display}.docx")


@require_POST
@login_required
def decision(request, pk: int):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__body"), pk=pk)
    found = _visible(request.user, "bodies.view_meeting", item.meeting)
    poll = item.polls.filter(status="closed").order_by("-closed_at").first()

    def draft_and_register():
        drafted = services.decision_draft(
            actor=request.user,
            item=item,
            poll=poll,
            text_ky=request.POST.get("text_ky", ""),
            text_ru=request.POST.get("text_ru", ""),
        )
        return services.decision_register(actor=request.user, decision=drafted)

    _run(request, found, draft_and_register, _("The decision is registered."))
    return _meeting_url(found)


@require_POST
@login_required
def minutes(request, pk: int):
    """The secretary drafts the minutes (again, while unsigned); the chair and the secretary sign them."""
    found = _visible(request.user, "bodies.view_meeting", get_object_or_404(Meeting, pk=pk))
    if request.POST.get("action") == "sign":
        drafted = Minutes.objects.filter(meeting=found).first()
        if drafted is None:
            raise Http404
        _run(
            request,
            found,
            lambda: services.minutes_sign(actor=request.user, minutes=drafted),
            _("You signed the minutes."),
        )
    else:
        _run(
            request,
            found,
            lambda: services.minutes_draft(actor=request.user, meeting=found),
            _("The minutes are drafted."),
        )
    return _meeting_url(found)


@require_POST
@login_required
def agenda_send(request, pk: int):
    found = _visible(request.user, "bodies.view_meeting", get_object_or_404(Meeting, pk=pk))
    _run(
        request,
        found,
        lambda: services.agenda_send(actor=request.user, meeting=found),
        _("The agenda is sent: every member has a notice."),
    )
    return _meeting_url(found)


@require_POST
@login_required
def item_add(request, pk: int):
    found = _visible(request.user, "bodies.view_meeting", get_object_or_404(Meeting, pk=pk))
    title_ky, title_ru = request.POST.get("title_ky", ""), request.POST.get("title_ru", "")
    _run(
        request,
        found,
        lambda: services.item_add(actor=request.user, meeting=found, title_ky=title_ky, title_ru=title_ru),
        _("The item is added to the agenda."),
    )
    return _meeting_url(found)


@require_POST
@login_required
def invitee_add(request, pk: int):
    found = _visible(request.user, "bodies.view_meeting", get_object_or_404(Meeting, pk=pk))
    name = request.POST.get("name", "")
    _run(
        request,
        found,
        lambda: services.invitee_add(actor=request.user, meeting=found, name=name, post=request.POST.get("post", "")),
        _("The invitee is added."),
    )
    return _meeting_url(found)


@require_POST
@login_required
def cancel(request, pk: int):
    found = _visible(request.user, "bodies.view_meeting", get_object_or_404(Meeting, pk=pk))
    if request.POST.get("confirm") != "1":
        messages.error(request, _("Tick the box to confirm: a cancelled meeting cannot be held."))
        return _meeting_url(found)
    _run(
        request,
        found,
        lambda: services.meeting_cancel(
            actor=request.user,
            meeting=found,
            reason_ky=request.POST.get("reason_ky", ""),
            reason_ru=request.POST.get("reason_ru", ""),
        ),
        _("The meeting is cancelled; the members are told."),
    )
    return _meeting_url(found)


def _draft_minutes(request, pk: int) -> Minutes:
    found = get_object_or_404(Minutes.objects.select_related("meeting__body"), pk=pk)
    _visible(request.user, "bodies.view_meeting", found.meeting)
    if found.is_registered:
        raise Http404
    return found


@require_GET
@login_required
def minutes_draft_docx(request, pk: int):
    """The draft minutes as the members read them before signing (no number yet)."""
    found = _draft_minutes(request, pk)
    content = build_minutes(found.content, agency_letterhead(), "—")
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="minutes-draft-{found.meeting.body.code}-{found.pk}.docx"'
    return response


@require_POST
@login_required
def minutes_remark(request, pk: int):
    found = _draft_minutes(request, pk)
    _run(
        request,
        found.meeting,
        lambda: services.minutes_remark(actor=request.user, minutes=found, text=request.POST.get("text", "")),
        _("Your remark is sent to the chair and the secretary."),
    )
    return _meeting_url(found.meeting)
