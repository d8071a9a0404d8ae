"""Inbound mail: a customer's answer to a case reply, posted as a raw RFC 822 message to
POST /mail/inbound/<OPENNPS_INBOUND_MAIL_TOKEN> by an MTA (a Postfix pipe to curl) or a mail
service's "raw MIME" forwarding, threads back into its case.

The case is found by a signed Message-ID in In-Reply-To/References, else by the signed
plus-address in the recipients (opennps/cases/mail_threads.py). The answer is stored as a
"customer replied" activity: sender, subject and the plain-text body with the quoted history
trimmed, size-limited. A sender other than the contact's address is kept but marked unverified.

Answers: 200 recorded (or a duplicate), 202 not matched to a case (accepted and dropped, so the
MTA does not retry), 400 not a message, 413 too large, 415 wrong content type, 429 rate limited,
404 when inbound mail is off or the token is wrong. Never 500 on what a sender can put in a mail.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parseaddr

from django.conf import settings
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from opennps.cases.actions import record_customer_reply
from opennps.cases.mail_threads import case_ids_from_addresses, case_ids_from_message_ids
from opennps.cases.models import Case

MAX_MESSAGE_BYTES = 2_000_000  # under Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)
MAX_TEXT_LENGTH = 10_000  # characters of the answer kept in the case
MAX_SUBJECT_LENGTH = 200
DEFAULT_INBOUND_RATE = "60/m"
CONTENT_TYPES = ("message/rfc822", "text/plain", "application/octet-stream", "")
# Mail services that post a form carry the raw message in one field: Mailgun's "forward" to a
# URL ending in "mime" names it body-mime, SendGrid's Inbound Parse (raw MIME) names it email.
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
RAW_MESSAGE_FIELDS = ("body-mime", "email")
RECIPIENT_HEADERS = ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")

# A line that introduces the quoted earlier message: "On Mon, 2 Jan, Dana <d@x> wrote:",
# "-----Original Message-----", and the usual wordings of the languages we ship.
_QUOTE_INTRO = re.compile(
    r"^(\s*-{2,}\s*(original message|forwarded message|исходное сообщение)\s*-{2,}\s*$"
    r"|.*\b(wrote|writes|schrieb|a écrit|escribió|пишет|написал|написала|жазды|написа)\s*:\s*$"
    r"|.*写道\s*[:：]\s*$)",
    re.IGNORECASE,
)


def inbound_mail_enabled() -> bool:
    return bool(settings.OPENNPS_INBOUND_MAIL_TOKEN)


@dataclass(frozen=True)
class InboundResult:
    status: int
    outcome: str  # recorded, duplicate, unmatched, rejected
    reason: str
    case_id: int | None = None
    verified: bool | None = None


def trimmed_text(text: str) -> str:
    """The new part of an answer: up to the line that introduces the quoted earlier message,
    without trailing "> " quoted lines or the signature ("-- "), at most MAX_TEXT_LENGTH."""
    kept: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if _QUOTE_INTRO.match(line) or line.rstrip() == "--":
            break
        kept.append(line.rstrip())
    while kept and (not kept[-1].strip() or kept[-1].lstrip().startswith(">")):
        kept.pop()
    result = "\n".join(kept).strip()
    if not result:  # all of it was quoted: keep the text as it came rather than nothing
        result = text.strip()
    if len(result) > MAX_TEXT_LENGTH:
        result = result[:MAX_TEXT_LENGTH].rstrip() + "\n[…]"
    return result


def _body_text(message: EmailMessage) -> str:
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except (KeyError, ValueError, IndexError, TypeError):  # a MIME tree the parser half-read
        return ""
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # an unknown charset or a broken encoding
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace")
    if not isinstance(content, str):
        return ""
    return strip_tags(content) if part.get_content_type() == "text/html" else content


def _header(message: EmailMessage, name: str) -> str:
    try:
        return str(message.get(name) or "")
    except (ValueError, IndexError, TypeError):  # a header the parser cannot make sense of
        return ""


def _headers(message: EmailMessage, name: str) -> list[str]:
    try:
        return [str(value) for value in message.get_all(name) or []]
    except (ValueError, IndexError, TypeError):
        return []


def _find_case(message: EmailMessage) -> Case | None:
    ids = case_ids_from_message_ids(
        _headers(message, "In-Reply-To") + _headers(message, "References")
    )
    recipients: list[str] = []
    for name in RECIPIENT_HEADERS:
        recipients += _headers(message, name)
    ids += [case_id for case_id in case_ids_from_addresses(recipients) if case_id not in ids]
    for case_id in ids:
        case = Case.objects.select_related("contact").filter(pk=case_id).first()
        if case is not None:
            return case
    return None


def receive_message(raw: bytes) -> InboundResult:
    """Parse one raw message and thread it into its case; what happened, for the HTTP answer."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
    except Exception:  # the stdlib parser is lenient; anything it still raises is a broken message
        return InboundResult(400, "rejected", _("The body is not an e-mail message."))
    sender = parseaddr(_header(message, "From"))[1].strip().lower()
    if not sender or "@" not in sender:
        return InboundResult(
            400, "rejected", _("The message has no From header with an e-mail address.")
        )
    case = _find_case(message)
    if case is None:
        return InboundResult(
            202,
            "unmatched",
            _(
                "No case matches this message: its In-Reply-To, References and recipients name "
                "no reply sent from a case."
            ),
        )
    contact_email = (case.contact.email if case.contact else "").strip().lower()
    verified = bool(contact_email) and sender == contact_email
    entry = record_customer_reply(
        case,
        sender=sender,
        subject=_header(message, "Subject")[:MAX_SUBJECT_LENGTH],
        text=trimmed_text(_body_text(message)),
        message_id=_header(message, "Message-ID").strip()[:300],
        verified=verified,
    )
    if entry is None:
        return InboundResult(
            200, "duplicate", _("This message was recorded before."), case.pk, verified
        )
    return InboundResult(200, "recorded", _("Added to the case."), case.pk, verified)


def _raw_from_form(request: HttpRequest) -> bytes | None:
    for name in RAW_MESSAGE_FIELDS:
        value = request.POST.get(name)
        if value:
            return value.encode("utf-8", errors="surrogateescape")
    return None


def _answer(result: InboundResult) -> JsonResponse:
    body: dict[str, object] = {"status": result.outcome, "detail": result.reason}
    if result.case_id is not None:
        body |= {"case": result.case_id, "sender_verified": result.verified}
    return JsonResponse(body, status=result.status)


def _read_raw(request: HttpRequest) -> bytes | InboundResult:
    """The raw message from the request, or why it cannot be taken."""
    content_type = (request.content_type or "").lower()
    if content_type not in CONTENT_TYPES + FORM_TYPES:
        return InboundResult(
            415,
            "rejected",
            _("Send the raw message as message/rfc822 or text/plain, not %(type)s.")
            % {"type": content_type},
        )
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        length = 0
    if length > MAX_MESSAGE_BYTES:
        return InboundResult(
            413,
            "rejected",
            _("The message is larger than %(size)s bytes.") % {"size": MAX_MESSAGE_BYTES},
        )
    raw = _raw_from_form(request) if content_type in FORM_TYPES else request.body
    if raw is None:
        return InboundResult(
            400,
            "rejected",
            _(
                "A form post must carry the raw message in the field body-mime (Mailgun) or "
                "email (SendGrid Inbound Parse with raw MIME)."
            ),
        )
    if not raw.strip():
        return InboundResult(400, "rejected", _("The body is empty; post the raw message."))
    return raw


@csrf_exempt
@require_POST
def inbound_mail(request: HttpRequest, token: str) -> JsonResponse:
    """The endpoint an MTA or a mail service posts raw messages to (see the module docstring)."""
    expected = settings.OPENNPS_INBOUND_MAIL_TOKEN
    if not expected or not hmac.compare_digest(expected.encode(), token.encode()):
        raise Http404
    limited = is_ratelimited(
        request,
        group="opennps.cases.inbound-mail",
        key="ip",
        rate=getattr(settings, "OPENNPS_INBOUND_MAIL_RATE", DEFAULT_INBOUND_RATE),
        increment=True,
    )
    if limited:
        return _answer(InboundResult(429, "rejected", _("Too many messages; try again later.")))
    raw = _read_raw(request)
    if isinstance(raw, InboundResult):
        return _answer(raw)
    return _answer(receive_message(raw))
