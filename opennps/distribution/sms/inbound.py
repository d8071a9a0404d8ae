"""Inbound SMS: `/sms/inbound/<provider>/<signed token>` — a reply of just "9" records the score.

The provider (Twilio: form fields From and Body; generic HTTP: form or JSON fields `from` and
`text`) posts each reply here. The token is the workspace id signed with SECRET_KEY, so only
someone given the URL can post to it. A score answers the contact's latest open SMS invitation;
STOP (or СТОП, 退订) unsubscribes the number from SMS. Malformed requests are 400 naming the
field; a reply that is not a score is accepted and ignored (200), so providers do not retry.
"""

from __future__ import annotations

import json
import re

from django.core import signing
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from opennps.contacts.consent import unsubscribe
from opennps.contacts.models import Contact
from opennps.distribution.models import Channel, Invitation, InvitationStatus

INBOUND_SALT = "opennps.distribution.sms.inbound"
PROVIDERS = ("twilio", "http")
SCORE = re.compile(r"^\s*(10|[0-9])\s*[.!]?\s*$")
STOP_WORDS = frozenset({"stop", "unsubscribe", "стоп", "отписаться", "退订", "тоқтату"})
OPEN = (InvitationStatus.SENT, InvitationStatus.DELIVERED, InvitationStatus.OPENED)
MAX_BODY_BYTES = 10_000


def inbound_token(workspace_id: int) -> str:
    return signing.Signer(salt=INBOUND_SALT).sign(str(workspace_id))


def workspace_id_from_token(token: str) -> int | None:
    try:
        return int(signing.Signer(salt=INBOUND_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def normalised_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return digits[2:] if digits.startswith("00") else digits


def contact_for_phone(workspace_id: int, phone: str) -> Contact | None:
    wanted = normalised_phone(phone)
    if len(wanted) < 5:
        return None
    # Stored numbers may carry spaces or dashes; the last four digits are never split by them
    # in practice, and narrow the candidates compared digit by digit below.
    candidates = Contact.objects.filter(workspace_id=workspace_id).filter(
        Q(phone=phone) | Q(phone__endswith=wanted[-4:])
    )
    for contact in candidates.order_by("-updated_at")[:500]:
        if normalised_phone(contact.phone) == wanted:
            return contact
    return None


def _bad(message: str, field: str | None) -> JsonResponse:
    return JsonResponse({"errors": [{"field": field, "message": message}]}, status=400)


def _fields(request: HttpRequest, provider: str) -> tuple[str, str] | JsonResponse:
    """(sender phone, text) from the request, or a 400 naming what is missing."""
    if len(request.body) > MAX_BODY_BYTES:
        return _bad("The request body is too large.", None)
    names = ("From", "Body") if provider == "twilio" else ("from", "text")
    data: object
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return _bad("The body is not valid JSON.", None)
        if not isinstance(data, dict):
            return _bad("The body must be a JSON object.", None)
    else:
        data = request.POST
    values = []
    for name in names:
        value = data.get(name)
        if not isinstance(value, str) or (name in ("From", "from") and not value.strip()):
            return _bad(f"The field {name} is missing or not text.", name)
        values.append(value)
    return values[0], values[1]


def _answer(provider: str, outcome: dict[str, object]) -> HttpResponse:
    if provider == "twilio":
        # Twilio expects TwiML; an empty <Response> sends no reply text.
        return HttpResponse(
            '<?xml version="1.0" encoding="UTF-8"?><Response></Response>',
            content_type="text/xml",
        )
    return JsonResponse(outcome)


def record_reply(workspace_id: int, phone: str, text: str) -> dict[str, object]:
    """What the reply did: {"recorded": bool, "reason": ...}."""
    from opennps.responses.actions import AlreadyAnswered, Answer, record_score_from_invitation

    contact = contact_for_phone(workspace_id, phone)
    if contact is None:
        return {"recorded": False, "reason": "unknown number"}
    if text.strip().lower() in STOP_WORDS:
        unsubscribe(contact, "sms")
        return {"recorded": False, "reason": "unsubscribed"}
    match = SCORE.match(text)
    if match is None:
        return {"recorded": False, "reason": "not a score"}
    invitation = (
        Invitation.objects.filter(
            contact=contact, channel=Channel.SMS, status__in=OPEN, responded=False
        )
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
        .order_by("-sent_at", "-pk")
        .first()
    )
    if invitation is None:
        return {"recorded": False, "reason": "no open invitation"}
    try:
        response = record_score_from_invitation(
            invitation, Answer(score=int(match.group(1)), channel=Channel.SMS)
        )
    except AlreadyAnswered:
        return {"recorded": False, "reason": "already answered"}
    return {"recorded": True, "response": response.pk}


@csrf_exempt
@require_POST
def inbound(request: HttpRequest, provider: str, token: str) -> HttpResponse:
    if is_ratelimited(request, group="sms_inbound", key="ip", rate="120/m", increment=True):
        return JsonResponse(
            {"errors": [{"field": None, "message": "Too many requests."}]}, status=429
        )
    workspace_id = workspace_id_from_token(token)
    if provider not in PROVIDERS or workspace_id is None:
        return JsonResponse({"errors": [{"field": None, "message": "Not found."}]}, status=404)
    fields = _fields(request, provider)
    if isinstance(fields, JsonResponse):
        return fields
    phone, text = fields
    return _answer(provider, record_reply(workspace_id, phone, text))
