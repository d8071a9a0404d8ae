"""What stands between another website and the widget endpoints: CORS, rate limits, JSON input.

The endpoints use no cookies and no session, so they are CSRF-exempt: a forged request from a
third page carries nothing that it could not send itself. CORS is then only about which pages may
read the answers: `Access-Control-Allow-Origin` names the caller's origin when the survey's widget
settings list it, and never `*`; credentials are never allowed.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django_ratelimit.core import is_ratelimited

from opennps.channels_web.models import WidgetSettings

# One page view makes at most three calls (eligibility, score, comment); a busy office behind one
# address stays well below this, a script does not.
WIDGET_CALLS_PER_MINUTE = 60
MAX_BODY_BYTES = 16 * 1024
PREFLIGHT_MAX_AGE = "3600"


class BadInput(ValueError):
    """Input the endpoint refuses; `field` names the part that was wrong."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def own_origin() -> str:
    return settings.BASE_URL


def origin_allowed(request: HttpRequest, widget: WidgetSettings | None) -> bool:
    """A call without Origin (not a browser) or from OpenNPS itself is always allowed."""
    origin = request.headers.get("Origin")
    if origin is None or origin == own_origin():
        return True
    return widget is not None and widget.allows_origin(origin)


def with_cors(
    request: HttpRequest, response: HttpResponse, widget: WidgetSettings | None
) -> HttpResponse:
    """Let an allowed page read `response`; other origins get no CORS headers (the browser blocks)."""
    origin = request.headers.get("Origin")
    response.headers["Vary"] = "Origin"
    if origin is not None and widget is not None and widget.allows_origin(origin):
        response.headers["Access-Control-Allow-Origin"] = origin
    return response


def preflight(request: HttpRequest, widget: WidgetSettings | None) -> HttpResponse:
    """The answer to OPTIONS: which method and header an allowed page may use, for an hour."""
    if not origin_allowed(request, widget):
        return error(403, "origin", "This website is not allowed to use this survey's widget.")
    response = HttpResponse(status=204)
    response.headers["Access-Control-Allow-Methods"] = "POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type"
    response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    return with_cors(request, response, widget)


def error(status: int, field: str, message: str) -> JsonResponse:
    return JsonResponse({"error": message, "field": field}, status=status)


def too_many(request: HttpRequest, group: str) -> bool:
    return is_ratelimited(
        request, group=group, key="ip", rate=f"{WIDGET_CALLS_PER_MINUTE}/m", increment=True
    )


def json_object(request: HttpRequest) -> dict[str, Any]:
    """The request body as a JSON object; raises BadInput naming what was wrong with it."""
    if len(request.body) > MAX_BODY_BYTES:
        raise BadInput("body", f"The body is larger than {MAX_BODY_BYTES} bytes.")
    try:
        data = json.loads(request.body or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise BadInput("body", "The body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise BadInput("body", "The body must be a JSON object.")
    return data


def optional_string(data: dict[str, Any], field: str, longest: int) -> str:
    value = data.get(field, "")
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise BadInput(field, f"{field} must be a string.")
    if len(value) > longest:
        raise BadInput(field, f"{field} is longer than {longest} characters.")
    return value.strip()


def score_of(data: dict[str, Any]) -> int:
    value = data.get("score")
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise BadInput("score", "score must be a whole number from 0 to 10.")
    return value


def whitelisted_attributes(data: dict[str, Any], allowed: list[str]) -> dict[str, str]:
    """The attributes the survey keeps (its hidden attributes); other keys are dropped silently."""
    value = data.get("attributes") or {}
    if not isinstance(value, dict):
        raise BadInput("attributes", "attributes must be a JSON object.")
    kept: dict[str, str] = {}
    for key in allowed:
        item = value.get(key)
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            kept[key] = str(item)[:200]
        elif item is not None:
            raise BadInput(f"attributes.{key}", f"attributes.{key} must be a string or a number.")
    return kept
