from django.core.management.base import BaseCommand, CommandError

from documents.archive import transfer


class Command(BaseCommand):
    help = "Write the case files of a year (2019) or one case file (02-05/2019) as a BagIt package into OUT_DIR."

    def add_arguments(self, parser):
        parser.add_argument("reference", help="a year (2019) or a heading's index and year (02-05/2019)")
        parser.add_argument("out_dir", help="a new or empty folder")

    def handle(self, *args, reference, out_dir, **options):
        try:
            cases = transfer.select_cases(reference)
            bag = transfer.export(cases, out_dir, label=reference)
        except transfer.TransferError as error:
            raise CommandError(str(error)) from None
        files = sum(1 for name in bag.payload_files())
        self.stdout.write(f"The package {bag.path} holds {len(cases)} case files in {files} payload files.")
