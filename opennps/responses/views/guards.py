"""What stands between the public internet and a write: rate limits, CSRF, body size, cookies.

Each guard returns the reason a request is refused (or None), so the page can answer with a
friendly explanation instead of Django's bare error pages.
"""

from __future__ import annotations

import re
import secrets
from enum import Enum

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django_ratelimit.core import is_ratelimited

from opennps.responses.actions import REVISION_WINDOW
from opennps.responses.models import Response
from opennps.surveys.models import Survey

# Every POST of the public pages from one address: generous for an office behind one NAT answering
# an e-mail blast (two POSTs per person), tight enough to stop a script.
PUBLIC_POSTS_PER_MINUTE = 60
BROWSER_COOKIE = "opennps_browser"
BROWSER_FIELD = "browser"
BROWSER_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# Longer than any sensible repeat limit; browsers cap cookies at 400 days anyway.
BROWSER_COOKIE_AGE = 400 * 24 * 3600
ANSWER_COOKIE_AGE = int(REVISION_WINDOW.total_seconds())


class Refusal(Enum):
    TOO_MANY_REQUESTS = "too_many_requests"
    TOO_LARGE = "too_large"
    EXPIRED_FORM = "expired_form"


class _CsrfCheck(CsrfViewMiddleware):
    def _reject(self, request: HttpRequest, reason: str) -> str:  # type: ignore[override]
        # Hand the reason back instead of rendering Django's failure view.
        return reason


def refuse_public_post(request: HttpRequest) -> Refusal | None:
    """Check a public POST before it is parsed: address rate, body size, CSRF token."""
    if is_ratelimited(
        request,
        group="public-post",
        key="ip",
        rate=f"{PUBLIC_POSTS_PER_MINUTE}/m",
        increment=True,
    ):
        return Refusal.TOO_MANY_REQUESTS
    try:
        request.POST  # noqa: B018 — read now, so an oversized body is refused here, not mid-view
    except (RequestDataTooBig, TooManyFieldsSent):
        return Refusal.TOO_LARGE
    check = _CsrfCheck(lambda _request: HttpResponse())
    check.process_request(request)
    if check.process_view(request, None, (), {}) is not None:
        return Refusal.EXPIRED_FORM
    return None


def over_daily_limit_for_address(request: HttpRequest, survey: Survey) -> bool:
    """The open link's answers per day from one IP address (0 means no limit)."""
    if survey.daily_answers_per_ip == 0:
        return False
    return is_ratelimited(
        request,
        group=f"survey-ip:{survey.pk}",
        key="ip",
        rate=f"{survey.daily_answers_per_ip}/d",
        increment=True,
    )


def browser_id_for(request: HttpRequest) -> tuple[str, bool]:
    """This browser's random id and whether it is new (and so must be set as a cookie).

    The cookie wins; a form field carries the id when cookies are refused or not yet stored.
    """
    cookie = request.COOKIES.get(BROWSER_COOKIE, "")
    if BROWSER_ID.match(cookie):
        return cookie, False
    field = request.POST.get(BROWSER_FIELD, "") if request.method == "POST" else ""
    if BROWSER_ID.match(field):
        return field, True
    return secrets.token_urlsafe(24), True


def remember_browser(http_response: HttpResponse, browser_id: str) -> None:
    http_response.set_cookie(
        BROWSER_COOKIE,
        browser_id,
        max_age=BROWSER_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _answer_cookie(survey: Survey) -> tuple[str, str]:
    return f"opennps_answer_{survey.public_id}", f"opennps.responses.answer.{survey.pk}"


def remember_answer(http_response: HttpResponse, survey: Survey, response: Response) -> None:
    """Sign the response id into a cookie for this survey: proof this browser may revise it."""
    name, salt = _answer_cookie(survey)
    http_response.set_signed_cookie(
        name,
        str(response.pk),
        salt=salt,
        max_age=ANSWER_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def remembered_answer_id(request: HttpRequest, survey: Survey) -> int | None:
    name, salt = _answer_cookie(survey)
    value = request.get_signed_cookie(name, default=None, salt=salt, max_age=ANSWER_COOKIE_AGE)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
