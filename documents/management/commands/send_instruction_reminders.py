import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from documents.instructions import reminders


class Command(BaseCommand):
    help = "Send the reminders of instructions due in a week and due today (run once a day)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="The day to run for, YYYY-MM-DD (default: today).")

    def handle(self, *args, date=None, **options):
        try:
            day = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error
        count = reminders.send_due(day)
        self.stdout.write(f"{day.isoformat()}: {count} reminder(s) enqueued.")
