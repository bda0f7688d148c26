"""Importing a legal act from .docx: the command, the service and the editors' upload screen."""

import io
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageLogEntry

from cms.act_import import act_import
from cms.models import LegalActPage
from tests.documents import office_files as files
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(roles):
    return UserFactory(username="act-editor", roles=["editor"])


def test_dry_run_prints_the_structure_and_saves_nothing(tmp_path, tree):
    path = tmp_path / "act.docx"
    path.write_bytes(files.act_with_styles())
    out = io.StringIO()
    pages = LegalActPage.objects.count()

    call_command("import_act", str(path), language="ru", dry_run=True, stdout=out)

    act = json.loads(out.getvalue())
    assert set(act) == {"title", "requisites", "chapters", "amendment_notes", "unrecognised"}
    assert act["chapters"][1]["points"][0]["items"][0]["items"][0] == {"text": "выдает разрешения;", "items": []}
    assert LegalActPage.objects.count() == pages


def test_the_command_saves_a_draft_and_refuses_a_hazard_without_a_traceback(tmp_path, tree):
    path = tmp_path / "act.docx"
    path.write_bytes(files.act_with_bold_paragraphs())
    call_command("import_act", str(path), language="ky", stdout=io.StringIO(), stderr=io.StringIO())
    page = LegalActPage.objects.get(act_number="123")
    assert not page.live
    assert page.locale.language_code == "ky"

    path.write_bytes(files.with_part(files.plain_docx(), "word/vbaProject.bin", b"\0"))
    with translation.override("ru"), pytest.raises(CommandError, match="макрос"):
        call_command("import_act", str(path), language="ru", stdout=io.StringIO())


def test_a_new_act_becomes_a_draft_page_in_the_language_of_the_upload(tree, editor):
    acts_ky = tree["acts"][0]

    imported = act_import(data=files.act_with_bold_paragraphs(), language="ky", user=editor)

    page = imported.page.get_latest_revision_as_object()
    assert imported.created
    assert page.get_parent().pk == acts_ky.pk
    assert not imported.page.live
    assert (page.title, page.act_kind, page.act_number) == (
        "Кыргыз Республикасынын Мамлекеттик миграция кызматы жөнүндө",
        "Жобо",
        "123",
    )
    assert page.act_date.isoformat() == "2021-10-15"
    assert [chapter.value["title"] for chapter in page.body] == ["Жалпы жоболор", "Кызматтын функциялары"]
    second = page.body[0].value["points"][1]
    assert [sub["number"] for sub in second["sub_points"]] == ["–", "–"]
    third = page.body[1].value["points"][0]
    assert [(sub["number"], sub["text"].source) for sub in third["sub_points"]] == [
        ("1", "<p>уруксат берет;</p>"),
        ("2", "<p>реестр жүргүзөт.</p>"),
    ]
    assert page.amendments[0].value["date"].isoformat() == "2023-03-01"
    assert page.slug.isascii()
    assert PageLogEntry.objects.filter(page=imported.page, action="wagtail.create", user=editor).exists()


def test_the_other_language_becomes_the_translation_and_a_second_upload_a_new_draft(tree, editor):
    ky = act_import(data=files.act_with_bold_paragraphs(), language="ky", user=editor).page
    styles = files.act_with_styles()

    ru = act_import(data=styles, language="ru", user=editor)
    assert ru.created
    assert ru.page.translation_key == ky.translation_key
    assert ru.page.locale.language_code == "ru"
    ru.page.save_revision().publish()

    again = act_import(data=styles, language="ru", user=editor)
    assert not again.created
    assert again.page.pk == ru.page.pk
    live = LegalActPage.objects.get(pk=ru.page.pk)
    assert live.live and live.has_unpublished_changes  # the published text stays until a moderator publishes


def test_an_act_without_its_requisites_is_refused_and_nothing_is_saved(tree, editor):
    document = files.docx.Document()
    document.add_heading("Глава 1. Общие положения", level=1)
    document.add_paragraph("1. Текст.")
    pages = LegalActPage.objects.count()

    with translation.override("ru"), pytest.raises(ValidationError) as caught:
        act_import(data=files.save(document), language="ru", user=editor)

    assert "номер" in " ".join(caught.value.messages)
    assert LegalActPage.objects.count() == pages


def test_who_may_not_add_a_legal_act_may_not_import_one(tree, roles):
    for code in ("records_officer", "hr_officer"):
        user = UserFactory(username=f"act-{code}", roles=[code])
        with pytest.raises(PermissionDenied):
            act_import(data=files.act_with_styles(), language="ru", user=user)


def test_the_upload_screen_saves_a_draft_and_lists_what_was_not_recognised(client, tree, editor):
    client.force_login(editor)
    url = reverse("import_act")
    assert client.get(url).status_code == 200

    upload = SimpleUploadedFile("act.docx", files.act_with_styles())
    response = client.post(url, {"file": upload, "language": "ru"})

    assert response.status_code == 200
    page = LegalActPage.objects.get(act_number="123", locale__language_code="ru")
    body = response.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=(page.pk,)) in body
    assert "Таблица ниже не является частью текста." in body


def test_the_upload_screen_shows_a_hazard_as_a_form_error(client, tree, editor):
    client.force_login(editor)
    pages = LegalActPage.objects.count()
    upload = SimpleUploadedFile("act.docx", files.bomb(files.plain_docx(), 25 * 1024 * 1024))

    response = client.post(reverse("import_act"), {"file": upload, "language": "ky"}, HTTP_ACCEPT_LANGUAGE="ky")

    assert response.status_code == 200
    assert "маалыматка айланат" in response.content.decode()
    assert LegalActPage.objects.count() == pages


def test_the_upload_screen_refuses_who_may_not_import(client, tree, roles):
    client.force_login(UserFactory(username="act-hr", roles=["hr_officer"]))
    response = client.get(reverse("import_act"))
    assert response.status_code in (302, 403)
