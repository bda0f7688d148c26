import os

from django.core.management.base import BaseCommand
from django.db import transaction

from cms import demo as cms_demo
from governance.access import demo as access_demo
from governance.agency import demo as agency_demo
from governance.orders import demo as orders_demo
from governance.structure import demo as structure_demo

DEFAULT_PASSWORD = "kyzmat-demo"  # noqa: S105 (documented demo password, overridable)


class Command(BaseCommand):
    help = "Load the demo agency, its pages, subdivisions and one user per role. Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        site = cms_demo.load()
        agency_demo.load(site)
        subdivisions = structure_demo.load()
        users = access_demo.load(password, subdivisions)
        orders = orders_demo.load(subdivisions)
        self.stdout.write(
            f"Demo data is ready: {len(subdivisions)} subdivisions, {len(users)} users, {len(orders)} orders, "
            f"site at {site.root_url}."
        )
