"""The public survey URLs: `/s/<public id>` (open link) and `/r/<token>` (personal link).

Thin: find the link, hand it to the shared flow. CSRF is checked inside the flow
(guards.refuse_public_post), so a stale form gets a friendly page instead of Django's 403.
"""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseNotFound
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from opennps.responses.views import flow
from opennps.responses.views.links import PUBLIC_ID, open_link, personal_link
from opennps.surveys.models import Survey, SurveyStatus

public_page = require_http_methods(["GET", "HEAD", "POST"])
# Only the formats the survey form accepts; anything else (an SVG with a script) is never served.
LOGO_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}


@csrf_exempt
@never_cache
@public_page
def open_question(request: HttpRequest, public_id: str) -> HttpResponse:
    return flow.question(request, open_link(public_id))


@csrf_exempt
@never_cache
@public_page
def open_followup(request: HttpRequest, public_id: str) -> HttpResponse:
    return flow.followup(request, open_link(public_id))


@never_cache
@require_safe
def open_thanks(request: HttpRequest, public_id: str) -> HttpResponse:
    return flow.thanks(request, open_link(public_id))


@csrf_exempt
@never_cache
@public_page
def personal_question(request: HttpRequest, token: str) -> HttpResponse:
    return flow.question(request, personal_link(token))


@csrf_exempt
@never_cache
@public_page
def personal_followup(request: HttpRequest, token: str) -> HttpResponse:
    return flow.followup(request, personal_link(token))


@never_cache
@require_safe
def personal_thanks(request: HttpRequest, token: str) -> HttpResponse:
    return flow.thanks(request, personal_link(token))


@require_safe
@cache_control(public=True, max_age=3600)
def logo(request: HttpRequest, public_id: str) -> HttpResponse:
    """The survey's logo, served from its own URL so the page needs no media configuration."""
    survey = (
        Survey.objects.filter(public_id=public_id).exclude(status=SurveyStatus.DRAFT).first()
        if PUBLIC_ID.match(public_id)
        else None
    )
    if survey is None or not survey.logo:
        return HttpResponseNotFound()
    content_type = LOGO_TYPES.get(survey.logo.name.rsplit(".", 1)[-1].lower())
    if content_type is None:
        return HttpResponseNotFound()
    try:
        handle = survey.logo.open("rb")
    except OSError:
        return HttpResponseNotFound()
    return FileResponse(handle, content_type=content_type)
