"""``python manage.py import_act PATH --language ky|ru [--dry-run]``: a legal act from .docx.

Prints the recognised structure as JSON (docs/import.md); without ``--dry-run`` also saves it as
a draft legal-act page in that language and says which page on the error stream.
"""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from cms.act_import import act_import
from documents.office_guard import MAX_FILE_BYTES


class Command(BaseCommand):
    help = "Import a legal act from a .docx file as a draft page; --dry-run prints what was recognised."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--language", required=True, choices=["ky", "ru"])
        parser.add_argument("--dry-run", action="store_true", help="Print the structure as JSON, save nothing.")

    def handle(self, *args, path: Path, language: str, dry_run: bool, **options):
        translation.activate(language)
        try:
            with path.open("rb") as file:
                data = file.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from None
        try:
            imported = act_import(data=data, language=language, user=None, dry_run=dry_run)
        except ValidationError as error:
            raise CommandError(" ".join(str(message) for message in error.messages)) from None
        self.stdout.write(json.dumps(imported.act, ensure_ascii=False, indent=2))
        if imported.page is not None:
            self.stderr.write(f"{imported.page.title}: {imported.page.pk}")
