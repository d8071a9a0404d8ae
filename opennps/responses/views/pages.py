"""Rendering the public pages: the language, the theme and the friendly notices."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from opennps.responses.forms import hidden_attributes
from opennps.responses.language import (
    LANGUAGE_PARAMETER,
    choose_language,
    language_name,
    requested_language,
)
from opennps.responses.prefetch import known_version_id, version_content
from opennps.responses.views.branding import theme_for
from opennps.responses.views.links import SurveyLink
from opennps.surveys.models import SurveyStatus
from opennps.surveys.versions import latest_version, resolved_texts

# Title, message and HTTP status of each friendly page.
NOTICES: dict[str, tuple[Any, Any, int]] = {
    "not_found": (
        _("We could not find this survey"),
        _("The link may be mistyped or no longer valid. Please check the address you were given."),
        404,
    ),
    "paused": (
        _("This survey is paused"),
        _("It is not taking answers right now. Please try again later."),
        200,
    ),
    "closed": (
        _("This survey has closed"),
        _("Thank you for your interest. It no longer takes answers."),
        200,
    ),
    "link_expired": (
        _("This link has expired"),
        _("The invitation is no longer valid. Thank you for your interest."),
        410,
    ),
    "already_answered": (
        _("You have already answered"),
        _("Thank you, we have your answer to this survey."),
        409,
    ),
    "already_answered_visit": (
        _("You have already answered"),
        _("Thank you, we have your answer to this survey."),
        200,
    ),
    "answer_not_found": (
        _("We could not find your answer on this device"),
        _(
            "If you already chose a score, it has been saved. Thank you! "
            "Otherwise, please start the survey again."
        ),
        200,
    ),
    "ip_limit": (
        _("Too many answers from your network today"),
        _("This survey has received many answers from your network. Please try again tomorrow."),
        429,
    ),
    "too_many_requests": (
        _("Please slow down"),
        _("We received many requests from your network in a short time. Please wait a minute."),
        429,
    ),
    "bad_request": (
        _("Something in this request was not right"),
        _("Please go back and try again."),
        400,
    ),
    "too_large": (
        _("That was more than we can accept"),
        _("Please go back, shorten your answer and send it again."),
        400,
    ),
    "expired_form": (
        _("This page has expired"),
        _("Please reload the page and answer again. Your browser may be blocking cookies."),
        403,
    ),
}


@dataclass
class Visit:
    """One page of one link, in one language, showing one version of the survey."""

    link: SurveyLink
    language: str
    content: dict[str, Any]
    explicit_language: str = ""
    attributes: dict[str, str] = field(default_factory=dict)

    @classmethod
    def start(
        cls,
        request: HttpRequest,
        link: SurveyLink,
        content: dict[str, Any] | None = None,
        known_languages: tuple[str, ...] = (),
    ) -> Visit:
        if content is None:
            version_id = known_version_id(link.survey)
            content = (
                version_content(version_id)
                if version_id is not None
                else latest_version(link.survey).content
            )
        languages = content.get("languages") or link.survey.all_languages
        default = content.get("default_language") or link.survey.default_language
        known = (*known_languages, link.contact_language)
        return cls(
            link=link,
            language=choose_language(request, languages, default, known),
            content=content,
            explicit_language=requested_language(request, languages),
            attributes=hidden_attributes(request.GET, link.survey.hidden_attributes),
        )

    @property
    def languages(self) -> list[str]:
        return list(self.content.get("languages") or self.link.survey.all_languages)

    @property
    def texts(self) -> dict[str, str]:
        texts = self.content.get("texts") or {}
        if self.language in texts:
            return texts[self.language]
        return resolved_texts(self.link.survey, self.language)

    def url(self, step: str = "", *, language: str | None = None, attributes: bool = True) -> str:
        """A URL of this link that keeps the hidden attributes and an explicit language."""
        query = QueryDict(mutable=True)
        if attributes:
            query.update(self.attributes)
        chosen = self.explicit_language if language is None else language
        if chosen:
            query[LANGUAGE_PARAMETER] = chosen
        encoded = query.urlencode()
        return f"{self.link.url(step)}?{encoded}" if encoded else self.link.url(step)

    def switcher(self, step: str = "") -> list[dict[str, Any]]:
        if len(self.languages) < 2:
            return []
        return [
            {
                "code": code,
                "name": language_name(code),
                "url": self.url(step, language=code),
                "current": code == self.language,
            }
            for code in self.languages
        ]


def survey_context(visit: Visit, step: str = "") -> dict[str, Any]:
    survey = visit.link.survey
    return {
        "language": visit.language,
        "brand": visit.content.get("brand") or survey.brand,
        "theme": theme_for(survey.accent_colour),
        "logo_url": reverse("responses:logo", args=[survey.public_id]) if survey.logo else "",
        "switcher": visit.switcher(step),
        "texts": visit.texts,
    }


def render_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    language: str,
    status: int = 200,
) -> HttpResponse:
    """Render with the page's language active, so Django's own strings follow it too."""
    with translation.override(language):
        response = render(request, template, {"language": language, **context}, status=status)
    response.headers["Content-Language"] = language
    return response


def notice(
    request: HttpRequest, kind: str, visit: Visit | None = None, status: int | None = None
) -> HttpResponse:
    """A friendly page for everything that is not the survey itself (paused, not found, …)."""
    title, message, default_status = NOTICES[kind]
    if visit is not None:
        context = survey_context(visit)
        language = visit.language
    else:
        context = {"theme": theme_for(""), "brand": "", "logo_url": "", "switcher": []}
        language = translation.get_language() or "en"
    context.update({"title": title, "message": message, "kind": kind})
    if kind == "answer_not_found" and visit is not None:
        context["start_url"] = visit.url()
    return render_page(
        request, "responses/notice.html", context, language, status or default_status
    )


def unavailable(request: HttpRequest, link: SurveyLink | None) -> HttpResponse | None:
    """The friendly page for a link that cannot take answers now; None when it can."""
    if link is None or link.survey.status == SurveyStatus.DRAFT:
        return notice(request, "not_found")
    if link.survey.status in (SurveyStatus.PAUSED, SurveyStatus.CLOSED):
        return notice(request, link.survey.status, Visit.start(request, link))
    if link.expired:
        return notice(request, "link_expired", Visit.start(request, link))
    return None
