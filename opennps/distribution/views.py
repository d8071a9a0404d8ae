"""Unsubscribing from e-mail invitations: `/u/<signed token>` from every message's footer and header.

GET shows a confirmation (a link opened by a mail scanner must not unsubscribe anyone); POST
records it. The POST is CSRF-exempt on purpose: RFC 8058 one-click unsubscribe is a POST from the
mail provider's servers with no session; the signed token is what authorises it.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from opennps.contacts.consent import unsubscribe as unsubscribe_contact
from opennps.contacts.models import Contact
from opennps.distribution.tokens import contact_id_from_unsubscribe_token
from opennps.responses.views.branding import theme_for


def _page(request: HttpRequest, state: str, language: str, status: int = 200) -> HttpResponse:
    with translation.override(language):
        response = render(
            request,
            "distribution/unsubscribe.html",
            {"state": state, "language": language, "theme": theme_for(""), "brand": ""},
            status=status,
        )
    response.headers["Content-Language"] = language
    return response


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if is_ratelimited(request, group="unsubscribe", key="ip", rate="30/m", increment=True):
        return _page(request, "slow_down", translation.get_language() or "en", status=429)
    contact_id = contact_id_from_unsubscribe_token(token)
    contact = Contact.objects.filter(pk=contact_id).first() if contact_id else None
    if contact is None:
        return _page(request, "not_found", translation.get_language() or "en", status=404)
    language = contact.language or contact.workspace.default_language or "en"
    if request.method == "POST":
        unsubscribe_contact(contact, "email")
        return _page(request, "done", language)
    return _page(request, "done" if contact.is_unsubscribed("email") else "confirm", language)
