from django.core.management.base import BaseCommand, CommandError

from documents.archive import transfer


class Command(BaseCommand):
    help = "Validate a transfer package: its manifests, tag manifests and records (exit code 1 when damaged)."

    def add_arguments(self, parser):
        parser.add_argument("bag_dir")

    def handle(self, *args, bag_dir, **options):
        try:
            content = transfer.validate(bag_dir)
        except transfer.TransferError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"The package is valid: {len(content['cases'])} case files, {len(content['records'])} records."
        )
