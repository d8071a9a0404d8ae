"""The widget's public URLs: the script `/w/<public id>.js` and its JSON endpoints.

Every endpoint answers JSON (never an HTML error page, never a 500 for bad input), is rate limited
per address, uses no cookies, and lets only the survey's allowed origins read its answers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, JsonResponse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from opennps.channels_web import public_json
from opennps.channels_web.models import WidgetSettings
from opennps.channels_web.public_json import BadInput
from opennps.channels_web.widget import (
    WidgetRefusal,
    check_eligibility,
    followup_ticket,
    record_widget_comment,
    record_widget_score,
    widget_config,
)
from opennps.responses.actions import Answer
from opennps.responses.views.guards import BROWSER_ID
from opennps.responses.views.links import PUBLIC_ID
from opennps.surveys.models import Survey, SurveyStatus

SCRIPT = Path(__file__).resolve().parent / "assets" / "widget.js"
COMMENT_LONGEST = 5000


@cache
def script_source() -> str:
    return SCRIPT.read_text(encoding="utf-8")


def widget_for(public_id: str) -> WidgetSettings | None:
    if not PUBLIC_ID.match(public_id):
        return None
    return (
        WidgetSettings.objects.select_related("survey")
        .filter(survey__public_id=public_id, enabled=True)
        .exclude(survey__status=SurveyStatus.DRAFT)
        .first()
    )


@require_safe
@cache_control(public=True, max_age=300)
def script(request: HttpRequest, public_id: str) -> HttpResponse:
    """The widget script with the survey's texts and triggers built in (cached for 5 minutes)."""
    widget = widget_for(public_id)
    if widget is None:
        return HttpResponseNotFound(
            "/* OpenNPS: no widget for this survey */", content_type="text/javascript"
        )
    endpoint = f"{settings.BASE_URL}/w/{public_id}"
    config = json.dumps(
        widget_config(widget.survey, widget, endpoint), ensure_ascii=False, separators=(",", ":")
    )
    body = script_source().replace("__OPENNPS_CONFIG__", config)
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response.headers["Access-Control-Allow-Origin"] = "*"  # a script tag: nothing private in it
    return response


Handler = Callable[[HttpRequest, WidgetSettings, dict[str, Any]], dict[str, Any]]


def json_endpoint(group: str) -> Callable[[Handler], Callable[..., HttpResponse]]:
    """Wrap a handler with what every widget endpoint needs: CORS, rate limit, JSON parsing."""

    def wrap(handler: Handler) -> Callable[..., HttpResponse]:
        @csrf_exempt
        @never_cache
        @require_http_methods(["POST", "OPTIONS"])
        def view(request: HttpRequest, public_id: str) -> HttpResponse:
            widget = widget_for(public_id)
            if request.method == "OPTIONS":
                return public_json.preflight(request, widget)
            if not public_json.origin_allowed(request, widget):
                return public_json.error(
                    403, "origin", "This website is not allowed to use this survey's widget."
                )
            if widget is None:
                page = public_json.error(404, "survey", "There is no widget for this survey.")
            elif public_json.too_many(request, f"widget-{group}"):
                page = public_json.error(429, "address", "Too many requests; wait a minute.")
                page.headers["Retry-After"] = "60"
            else:
                try:
                    page = JsonResponse(handler(request, widget, public_json.json_object(request)))
                except BadInput as refusal:
                    page = public_json.error(400, refusal.field, refusal.message)
                except WidgetRefusal as refusal:
                    page = public_json.error(refusal.status, refusal.field, refusal.message)
            return public_json.with_cors(request, page, widget)

        view.__name__ = handler.__name__
        view.__doc__ = handler.__doc__
        return view

    return wrap


def _browser_id(data: dict[str, Any]) -> str:
    value = public_json.optional_string(data, "browserId", 64)
    if value and not BROWSER_ID.match(value):
        raise BadInput("browserId", "browserId must be 16 to 64 letters, digits, - or _.")
    return value


def _language(survey: Survey, data: dict[str, Any]) -> str:
    value = public_json.optional_string(data, "language", 10)
    return value if value in survey.all_languages else survey.default_language


@json_endpoint("eligibility")
def eligibility(
    request: HttpRequest, widget: WidgetSettings, data: dict[str, Any]
) -> dict[str, Any]:
    """`{userId?, browserId?}` → `{show, reason, ticket, askAgainAt}`; a `show` takes the slot."""
    user_id = public_json.optional_string(data, "userId", 200)
    decision = check_eligibility(widget.survey, user_id, _browser_id(data))
    return {
        "show": decision.show,
        "reason": decision.reason,
        "ticket": decision.ticket,
        "askAgainAt": decision.ask_again_at.isoformat() if decision.ask_again_at else None,
    }


@json_endpoint("answer")
def answer(request: HttpRequest, widget: WidgetSettings, data: dict[str, Any]) -> dict[str, Any]:
    """`{score, ticket? | browserId, language?, attributes?}` → `{class, followup}`."""
    survey = widget.survey
    ticket = public_json.optional_string(data, "ticket", 100)
    response = record_widget_score(
        survey,
        Answer(
            score=public_json.score_of(data),
            channel="widget",
            language=_language(survey, data),
            attributes=public_json.whitelisted_attributes(data, list(survey.hidden_attributes)),
        ),
        ticket=ticket,
        browser_id=_browser_id(data),
    )
    return {"class": response.nps_class, "followup": followup_ticket(response)}


@json_endpoint("comment")
def comment(request: HttpRequest, widget: WidgetSettings, data: dict[str, Any]) -> dict[str, Any]:
    """`{followup, comment}` → `{saved: true}`: the answer to the follow-up question."""
    ticket = public_json.optional_string(data, "followup", 500)
    if not ticket:
        raise BadInput("followup", "followup is required.")
    text = public_json.optional_string(data, "comment", COMMENT_LONGEST)
    record_widget_comment(widget.survey, ticket, text)
    return {"saved": True}
