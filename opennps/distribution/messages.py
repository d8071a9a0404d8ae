"""Building the invitation e-mail: HTML and plain text in the contact's language.

The eleven scores are links to `/r/<token>?score=N`. Opening one shows the survey with that score
chosen and stores nothing (mail scanners open every link); the score is stored by the page's POST.

A worker keeps one Composer: each (survey version, language, kind) is rendered once with
placeholders, and each message fills in its own link, unsubscribe link and name. For the SMTP sender
it also builds the whole MIME message once per rendering (`wire`): each message is then the same
bytes with its own recipient, Message-ID, date, links and name put in — Python's `email` package
building every message from scratch cost more CPU than everything else a send does. Renderings are
keyed by the survey version (immutable) and the survey's brand and colour; `start_batch()` makes the
next message look up each survey's current version again, so an edit shows from the next batch on.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import RFC5322_EMAIL_LINE_LENGTH_LIMIT, sanitize_address
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from opennps.distribution.models import DeliveryKind, Invitation
from opennps.distribution.tokens import message_id, unsubscribe_token
from opennps.responses.views.branding import theme_for
from opennps.surveys.models import SurveyVersion
from opennps.surveys.versions import latest_version_id

# Placeholders no template or translation contains; filled in per message.
LINK, UNSUBSCRIBE, NAME = "\x00link\x00", "\x00unsubscribe\x00", "\x00name\x00"

# An address Django's sanitize_address returns unchanged (plain ASCII, no display name, no quoting);
# checking this is a hundred times cheaper than parsing the address for every message.
ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
PLAIN_ADDRESS = re.compile(rf"{ATOM}(?:\.{ATOM})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\Z")
# Renderings kept by a long-lived composer before it starts afresh (each is a few kilobytes).
MOST_RENDERINGS = 500


def subject_for(brand: str, kind: str) -> str:
    if kind == DeliveryKind.REMINDER:
        if brand:
            return gettext("Reminder: a quick question from %(brand)s") % {"brand": brand}
        return gettext("Reminder: a quick question for you")
    if brand:
        return gettext("A quick question from %(brand)s") % {"brand": brand}
    return gettext("A quick question for you")


@dataclass
class Rendered:
    language: str
    subject: str
    text: str
    html: str


@dataclass
class Wire:
    """One rendering as message bytes with markers where each message differs."""

    sender: str
    data: bytes
    markers: dict[str, bytes]
    boundary: bytes


@dataclass
class Composer:
    current: dict[int, int] = field(default_factory=dict)  # survey id → version id, this batch
    contents: dict[int, dict[str, Any]] = field(default_factory=dict)  # by version id
    rendered: dict[tuple[Any, ...], Rendered] = field(default_factory=dict)
    prefixes: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    wires: dict[tuple[Any, ...], Wire | None] = field(default_factory=dict)

    def start_batch(self) -> None:
        """Look up each survey's current version again; forget everything when the caches grew."""
        self.current.clear()
        if len(self.rendered) > MOST_RENDERINGS:
            self.contents.clear()
            self.rendered.clear()
            self.wires.clear()

    def url(self, name: str, argument: str) -> str:
        """The public URL of a route with one argument (reversed once: URL-safe tokens need no
        quoting)."""
        key = (settings.BASE_URL, name)
        if key not in self.prefixes:
            before, _, after = (settings.BASE_URL + reverse(name, args=["@"])).rpartition("@")
            self.prefixes[key] = (before, after)
        before, after = self.prefixes[key]
        return f"{before}{argument}{after}"

    def version_id(self, invitation: Invitation) -> int:
        survey = invitation.survey
        if survey.pk not in self.current:
            self.current[survey.pk] = latest_version_id(survey)
        return self.current[survey.pk]

    def content(self, invitation: Invitation) -> dict[str, Any]:
        version = self.version_id(invitation)
        if version not in self.contents:
            self.contents[version] = SurveyVersion.objects.values_list("content", flat=True).get(
                pk=version
            )
        return self.contents[version]

    def language_for(self, invitation: Invitation) -> str:
        content = self.content(invitation)
        languages = content.get("languages") or invitation.survey.all_languages
        default = content.get("default_language") or invitation.survey.default_language
        wanted = (invitation.contact.language or "").lower()
        if wanted in languages:
            return wanted
        base = wanted.split("-")[0]
        return base if base in languages else default

    def render(self, invitation: Invitation, kind: str, named: bool) -> Rendered:
        survey = invitation.survey
        language = self.language_for(invitation)
        key = (
            self.version_id(invitation),
            survey.brand,
            survey.accent_colour,
            language,
            kind,
            named,
        )
        if key in self.rendered:
            return self.rendered[key]
        content = self.content(invitation)
        texts = (content.get("texts") or {}).get(language) or {}
        brand = content.get("brand") or survey.brand
        theme = theme_for(survey.accent_colour)
        context = {
            "language": language,
            "brand": brand,
            "name": NAME if named else "",
            "question": texts.get("question", ""),
            "label_low": texts.get("label_low", ""),
            "label_high": texts.get("label_high", ""),
            "scores": [{"value": n, "url": f"{LINK}?score={n}"} for n in range(11)],
            "link": LINK,
            "unsubscribe_url": UNSUBSCRIBE,
            "accent": theme.accent,
            "on_accent": theme.on_accent,
            "reminder": kind == DeliveryKind.REMINDER,
        }
        with translation.override(language):
            rendered = Rendered(
                language=language,
                subject=subject_for(brand, kind),
                text=render_to_string("distribution/email/invitation.txt", context),
                html=render_to_string("distribution/email/invitation.html", context),
            )
        self.rendered[key] = rendered
        return rendered

    def build(
        self, invitation: Invitation, token: str, kind: str = DeliveryKind.INVITATION
    ) -> EmailMultiAlternatives:
        contact = invitation.contact
        rendered = self.render(invitation, kind, bool(contact.name))
        link = self.url("responses:personal", token)
        unsubscribe_url = self.url("distribution:unsubscribe", unsubscribe_token(contact.pk))

        def fill(body: str, name: str) -> str:
            return (
                body.replace(LINK, link).replace(UNSUBSCRIBE, unsubscribe_url).replace(NAME, name)
            )

        return _message(
            rendered,
            fill(rendered.text, contact.name),
            fill(rendered.html, escape(contact.name)),
            contact.email,
            message_id(invitation.pk, kind),
            unsubscribe_url,
        )

    def wire(
        self, invitation: Invitation, token: str, kind: str = DeliveryKind.INVITATION
    ) -> tuple[str, str, bytes] | None:
        """(sender, recipient, message bytes) as Django's SMTP backend would send `build()`'s
        message, or None when this message needs the full build (an address or name that MIME
        must encode, a line that would grow past the RFC 5322 limit)."""
        contact = invitation.contact
        name, address = contact.name or "", contact.email
        if not PLAIN_ADDRESS.match(address) or any(character in name for character in "\r\n\x00"):
            return None
        rendered = self.render(invitation, kind, bool(name))
        key = (id(rendered), settings.DEFAULT_FROM_EMAIL)
        if key not in self.wires:
            self.wires[key] = _wire(rendered)
        wire = self.wires[key]
        if wire is None:
            return None
        text_name, html_name = name.encode(), escape(name).encode()
        if wire.boundary in text_name or wire.boundary in html_name:
            return None
        unsubscribe_url = self.url("distribution:unsubscribe", unsubscribe_token(contact.pk))
        values = {
            "to": address.encode(),
            "date": formatdate(localtime=settings.EMAIL_USE_LOCALTIME).encode(),
            "id": message_id(invitation.pk, kind).encode(),
            "link": self.url("responses:personal", token).encode(),
            "unsubscribe": unsubscribe_url.encode(),
            "text_name": text_name,
            "html_name": html_name,
        }
        data = wire.data
        for part, marker in wire.markers.items():
            data = data.replace(marker, values[part])
        # Django would switch such a body to quoted-printable; leave that to the full build.
        if any(len(line) > RFC5322_EMAIL_LINE_LENGTH_LIMIT for line in data.split(b"\r\n")):
            return None
        return wire.sender, address, data


def _message(
    rendered: Rendered, text: str, html: str, to: str, message_id: str, unsubscribe_url: str
) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={
            "Message-ID": message_id,
            # RFC 2369 and RFC 8058: mail providers show an unsubscribe button that POSTs here.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Content-Language": rendered.language,
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def _wire(rendered: Rendered) -> Wire | None:
    """The rendering's message with a random marker wherever messages differ, or None when a
    marker does not come out verbatim exactly once (a body long-lined enough for
    quoted-printable, a header the encoder folded)."""
    tag = secrets.token_hex(6)
    markers = {
        part: f"opennps{part.replace('_', '')}{tag}"
        for part in ("to", "date", "id", "link", "unsubscribe", "text_name", "html_name")
    }
    address = f"{markers['to']}@opennps.invalid"

    def fill(body: str, name: str) -> str:
        return (
            body.replace(LINK, markers["link"])
            .replace(UNSUBSCRIBE, markers["unsubscribe"])
            .replace(NAME, name)
        )

    message = _message(
        rendered,
        fill(rendered.text, markers["text_name"]),
        fill(rendered.html, markers["html_name"]),
        address,
        f"<{markers['id']}@opennps.invalid>",
        markers["unsubscribe"],
    )
    message.extra_headers["Date"] = markers["date"]
    mime = message.message()
    data = mime.as_bytes(linesep="\r\n")
    expected = {
        "to": address,
        "date": markers["date"],
        "id": f"<{markers['id']}@opennps.invalid>",
        "link": markers["link"],
        "unsubscribe": markers["unsubscribe"],
        "text_name": markers["text_name"],
        "html_name": markers["html_name"],
    }
    wire_markers: dict[str, bytes] = {}
    for part, literal in expected.items():
        found = data.count(literal.encode())
        if part in ("to", "date", "id") and found != 1:
            return None
        if part in ("link", "unsubscribe") and found == 0:
            return None
        if found:
            wire_markers[part] = literal.encode()
    boundary = mime.get_boundary()
    if boundary is None:
        return None
    sender = sanitize_address(settings.DEFAULT_FROM_EMAIL, settings.DEFAULT_CHARSET)
    return Wire(sender=sender, data=data, markers=wire_markers, boundary=boundary.encode())


def build_message(
    invitation: Invitation, token: str, kind: str = DeliveryKind.INVITATION
) -> EmailMultiAlternatives:
    """One message on its own (a test send, a preview)."""
    return Composer().build(invitation, token, kind)
