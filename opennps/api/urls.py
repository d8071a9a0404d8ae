"""Mounts the API: /api/v1/... endpoints, /api/v1/openapi.json, and /api/docs (Swagger UI).

No `app_name` here: the NinjaAPI brings its own namespace, "api" (reverse("api:openapi-json")).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.urls import URLPattern, URLResolver, path, re_path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from opennps.api.errors import error_response, not_found_view
from opennps.api.v1 import api


@require_safe
def docs(request: HttpRequest) -> HttpResponseRedirect:
    """/api/docs is the address people remember; the page itself lives beside its schema."""
    return redirect(reverse("api:openapi-view"))


@require_safe
def index(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        {
            "version": api.version,
            "docs": reverse("api:openapi-view"),
            "openapi": reverse("api:openapi-json"),
        }
    )


def json_method_not_allowed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """ninja answers a wrong method with a bare text 405; clients get the JSON error shape."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code != 405 or response.get("Content-Type", "").startswith(
            "application/json"
        ):
            return response
        allowed = response.get("Allow", "")
        refused = error_response(
            405,
            _("This address does not accept %(method)s; it accepts %(allowed)s.")
            % {"method": request.method, "allowed": allowed},
        )
        refused["Allow"] = allowed
        return refused

    return wrapped


def api_patterns() -> tuple[list[URLPattern | URLResolver], str, str]:
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = json_method_not_allowed(pattern.callback)
    return patterns, app_name, namespace


urlpatterns: list[URLPattern | URLResolver] = [
    path("docs", docs),
    path("docs/", docs),
    # Before the API's own patterns, so /api/v1/ answers JSON instead of ninja's bare 404.
    path("v1/", index),
    path("v1/", api_patterns()),
    # Anything else under /api/ is a JSON 404, never Django's HTML page.
    re_path(r"^.*$", not_found_view),
]
