"""The read-only open-data API at /api/v1/, with its OpenAPI document at /api/v1/openapi.json.

Each app keeps its router in its own api.py; this module mounts them. Endpoints are read-only and
ask the permission policy like any other view: the public sees what is published.
"""

from ninja import NinjaAPI

from cms.api import router as publications_router
from governance.agency.api import router as agency_router
from governance.agreements.api import router as agreements_router
from governance.grants.api import router as grants_router
from governance.orders.api import router as orders_router

api = NinjaAPI(
    title="kyzmat open data",
    version="1",
    description="Published records of the agency, in Kyrgyz and Russian. Read-only.",
    urls_namespace="api",
)
api.add_router("/agency/", agency_router)
api.add_router("/agreements/", agreements_router)
api.add_router("/grants/", grants_router)
api.add_router("/orders/", orders_router)
api.add_router("/publications/", publications_router)
