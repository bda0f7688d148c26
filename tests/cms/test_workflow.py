"""Editors draft, moderators approve: Wagtail's approval workflow ("Модераторлордун бекитүүсү /
Утверждение модераторами") on the whole site, scheduled publishing, and the page history."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import PublicationPage
from tests.factories import PublicationPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(roles):
    return UserFactory(username="editor", roles=["editor"]), UserFactory(username="moderator", roles=["moderator"])


@pytest.fixture
def draft(tree, people):
    editor, _ = people
    section_ky, _ = tree["publications"]
    page = PublicationPageFactory(
        parent=section_ky, locale=section_ky.locale, title="Долбоор", slug="dolboor", live=False
    )
    page.save_revision(user=editor)
    return page


def edit_form(page, action: str, **changes) -> dict:
    fields = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "date": page.date.isoformat(),
        "lead": page.lead,
        "issue_number": "",
        "period_start": "",
        "period_end": "",
        "image": "",
        "body": streamfield([("text", {"text": rich_text("<p>Мыйзам тууралуу түшүндүрмө.</p>")})]),
        "tags": "",
        "related_links": inline_formset([]),
        "summary": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        action: action,
        **changes,
    }
    return nested_form_data(fields)


def test_the_whole_site_goes_through_moderators_approval(people, tree):
    workflow = Workflow.objects.get(name="Модераторлордун бекитүүсү / Утверждение модераторами")
    home_ky, home_ru = tree["home"]
    assert home_ky.get_workflow() == workflow
    assert home_ru.get_workflow() == workflow
    group = workflow.tasks.get().specific.groups.get()
    assert group.role.code == "moderator"  # the moderator role adopted Wagtail's "Moderators" group


@pytest.mark.parametrize(("user", "can_publish"), [("editor", False), ("moderator", True)])
def test_only_moderators_may_publish(people, draft, user, can_publish):
    person = dict(zip(["editor", "moderator"], people, strict=True))[user]

    permissions = draft.permissions_for_user(person)

    assert permissions.can_edit()
    assert permissions.can_publish() is can_publish


def test_an_editor_cannot_publish_alone_but_submits_and_a_moderator_approves(client, people, draft):
    editor, moderator = people
    client.force_login(editor)

    # Trying to publish saves a draft and nothing goes live.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]), edit_form(draft, "action-publish", title="Жаңы аталыш")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live
    assert draft.get_latest_revision().as_object().title == "Жаңы аталыш"

    # Submitting starts the moderators' approval.
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), edit_form(draft, "action-submit"))
    assert response.status_code == 302, getattr(response, "context", {}) and response.context["form"].errors
    draft.refresh_from_db()
    state = draft.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert not draft.live

    # The editor cannot approve their own submission.
    task_state = state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk])
    client.post(approve, {"comment": ""})
    draft.refresh_from_db()
    assert not draft.live

    # The moderator approves: the page is published.
    client.force_login(moderator)
    client.post(approve, {"comment": "Макул"})
    draft.refresh_from_db()
    assert draft.live
    assert PublicationPage.objects.get(pk=draft.pk).title == "Жаңы аталыш"

    # The history shows who did what.
    actions = set(PageLogEntry.objects.filter(page=draft).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"} <= actions
    history = client.get(reverse("wagtailadmin_pages:history", args=[draft.pk]))
    assert history.status_code == 200


def test_scheduled_publishing_puts_the_page_live_at_its_time(people, draft):
    _, moderator = people
    draft.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    revision = draft.save_revision(user=moderator)
    revision.publish(user=moderator)

    draft.refresh_from_db()
    assert not draft.live
    assert revision.approved_go_live_at is not None

    call_command("publish_scheduled")
    draft.refresh_from_db()
    assert not draft.live  # not yet

    time.sleep(2.1)
    call_command("publish_scheduled")
    draft.refresh_from_db()
    assert draft.live


def test_an_editor_translates_a_page_into_a_russian_draft_that_awaits_approval(client, people, tree):
    editor, _ = people
    section_ky, section_ru = tree["publications"]
    original = PublicationPageFactory(parent=section_ky, locale=section_ky.locale, title="Жаңы кабар", slug="kabar")
    client.force_login(editor)
    url = reverse("simple_translation:submit_page_translation", args=[original.pk])

    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [section_ru.locale_id]})

    assert response.status_code == 302
    translation = PublicationPage.objects.get(translation_key=original.translation_key, locale=section_ru.locale)
    assert translation.get_parent().pk == section_ru.pk
    assert not translation.live  # a draft, to be translated and then approved like any page
    assert translation.permissions_for_user(editor).can_edit()
    assert not translation.permissions_for_user(editor).can_publish()
