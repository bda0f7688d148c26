from django.core.management.base import BaseCommand

from governance.access.setup import sync_roles


class Command(BaseCommand):
    help = "Create or update the role groups and their permissions from the roles table."

    def handle(self, *args, **options):
        groups = sync_roles()
        self.stdout.write(f"{len(groups)} role groups are up to date.")
