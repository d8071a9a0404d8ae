"""Building the invitation e-mail: HTML and plain text in the contact's language.

The eleven scores are links to `/r/<token>?score=N`. Opening one shows the survey with that score
chosen and stores nothing (mail scanners open every link); the score is stored by the page's POST.

A Composer lives for one claimed batch: each (survey version, language, kind) is rendered once with
placeholders, and each message fills in its own link, unsubscribe link and name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
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
class Composer:
    contents: dict[int, dict[str, Any]] = field(default_factory=dict)  # by survey id
    rendered: dict[tuple[Any, ...], Rendered] = field(default_factory=dict)
    prefixes: dict[str, tuple[str, str]] = field(default_factory=dict)

    def url(self, name: str, argument: str) -> str:
        """The public URL of a route with one argument (reversed once per batch: URL-safe
        tokens need no quoting)."""
        if name not in self.prefixes:
            before, _, after = (settings.BASE_URL + reverse(name, args=["@"])).rpartition("@")
            self.prefixes[name] = (before, after)
        before, after = self.prefixes[name]
        return f"{before}{argument}{after}"

    def content(self, invitation: Invitation) -> dict[str, Any]:
        survey = invitation.survey
        if survey.pk not in self.contents:
            self.contents[survey.pk] = SurveyVersion.objects.values_list("content", flat=True).get(
                pk=latest_version_id(survey)
            )
        return self.contents[survey.pk]

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
        key = (survey.pk, language, kind, named)
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

        message = EmailMultiAlternatives(
            subject=rendered.subject,
            body=fill(rendered.text, contact.name),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[contact.email],
            headers={
                "Message-ID": message_id(invitation.pk, kind),
                # RFC 2369 and RFC 8058: mail providers show an unsubscribe button that POSTs here.
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Content-Language": rendered.language,
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(fill(rendered.html, escape(contact.name)), "text/html")
        return message


def build_message(
    invitation: Invitation, token: str, kind: str = DeliveryKind.INVITATION
) -> EmailMultiAlternatives:
    """One message on its own (a test send, a preview)."""
    return Composer().build(invitation, token, kind)
