import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms import demo as cms_demo
from documents.appeals import demo as appeals_demo
from documents.archive import demo as archive_demo
from documents.correspondence import demo as correspondence_demo
from governance.access import demo as access_demo
from governance.agency import demo as agency_demo
from governance.agreements import demo as agreements_demo
from governance.awards import demo as awards_demo
from governance.bodies import demo as bodies_demo
from governance.grants import demo as grants_demo
from governance.orders import demo as orders_demo
from governance.staff import demo as staff_demo
from governance.structure import demo as structure_demo

DEFAULT_PASSWORD = "kyzmat-demo"  # noqa: S105 (documented demo password, overridable)


class Command(BaseCommand):
    help = "Load the demo agency, its pages, subdivisions and one user per role. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--not-production",
            action="store_true",
            help="Load demo data where the settings do not allow it (a staging copy); needs DEMO_PASSWORD.",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        if not settings.DEMO_DATA_ALLOWED:
            # Production settings: demo users (a superuser among them) must never appear by accident,
            # and never with the password printed in the README.
            if not options["not_production"]:
                raise CommandError(
                    "These settings do not allow demo data (DEMO_DATA_ALLOWED is off). "
                    "On a staging copy, run load_demo --not-production with DEMO_PASSWORD set."
                )
            if password == DEFAULT_PASSWORD:
                raise CommandError("Set DEMO_PASSWORD to a password of your own: the published one is refused here.")
        site = cms_demo.load()
        agency_demo.load(site)
        subdivisions = structure_demo.load()
        users = access_demo.load(password, subdivisions)
        orders = orders_demo.load(subdivisions)
        employees = staff_demo.load(subdivisions)
        bodies = bodies_demo.load()
        nominations = awards_demo.load()
        appeals = appeals_demo.load(users)
        letters = correspondence_demo.load(users, subdivisions)
        grants = grants_demo.load(subdivisions)
        agreements = agreements_demo.load()
        headings = archive_demo.load(users, orders, appeals)
        self.stdout.write(
            f"Demo data is ready: {len(subdivisions)} subdivisions, {len(users)} users, {len(orders)} orders, "
            f"{len(employees)} employees, {len(bodies)} collegial bodies, {len(nominations)} nominations for awards, "
            f"{len(grants)} grants, {len(agreements)} international agreements, {len(letters)} letters, "
            f"{len(headings)} headings of the nomenclature of files, "
            f"site at {site.root_url}."
        )
