"""The REST API, version 1: one NinjaAPI, one router per app, errors as JSON.

Mounted under /api/v1/ (see opennps/api/urls.py); OpenAPI at /api/v1/openapi.json and Swagger UI
at /api/docs, served from django-ninja's own static files (no CDN). Later routers (contacts
import; events) are added with `api.add_router` below.
"""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from opennps.api import alerts as alerts_api
from opennps.api import analytics, contacts, responses, surveys
from opennps.api import cases as cases_api
from opennps.api import events as events_api
from opennps.api import themes as themes_api
from opennps.api.errors import install_error_handlers


class ReadableJSONRenderer(JSONRenderer):
    # Comments in Russian or Chinese come back as text, not as \u escapes (the body is UTF-8).
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="OpenNPS API",
    version="1",
    description=(
        "Collect and read Net Promoter Score responses. Send a workspace API key in the "
        'X-Api-Key header. Errors are JSON: {"errors": [{"field": ..., "message": ...}]}.'
    ),
    urls_namespace="api",
    docs_url="/docs",
    renderer=ReadableJSONRenderer(),
)
install_error_handlers(api)

api.add_router("/surveys", surveys.router)
# Response paths start at the root because creating one lives under /surveys/{id}/responses.
api.add_router("", responses.router)
api.add_router("/contacts", contacts.router)
# Trend and segments live under /surveys/{id}/ beside the summary, in a router of their own.
api.add_router("", analytics.router)
api.add_router("/events", events_api.router)
api.add_router("/alert-rules", alerts_api.router)
api.add_router("/watched-themes", themes_api.router)
api.add_router("/cases", cases_api.router)
