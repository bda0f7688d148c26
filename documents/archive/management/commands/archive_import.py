from django.core.management.base import BaseCommand, CommandError

from documents.archive import transfer


class Command(BaseCommand):
    help = "Validate a transfer package and restore its headings, case files and records into this database."

    def add_arguments(self, parser):
        parser.add_argument("bag_dir")

    def handle(self, *args, bag_dir, **options):
        try:
            records = transfer.restore(bag_dir)
        except transfer.TransferError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored {len(records)} records.")
