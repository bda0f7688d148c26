from django.core.management.base import BaseCommand

from config import wagtail_catalogue


class Command(BaseCommand):
    help = (
        "Bring locale/wagtail/ in line with the installed Wagtail (new messages added untranslated, "
        "gone ones dropped) and print the Kyrgyz coverage. Run after upgrading Wagtail."
    )

    def handle(self, *args, **options):
        for language in ("ky", "ru"):
            counts = wagtail_catalogue.update(language)
            self.stdout.write(f"{language}: {counts['added']} messages added, {counts['removed']} removed")
        self.stdout.write(str(wagtail_catalogue.coverage("ky")))
