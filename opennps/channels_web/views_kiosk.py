"""The kiosk's public pages `/k/<token>`: question → follow-up → thanks → back to the question.

Works without JavaScript (forms and a meta refresh); the script only resets an abandoned
follow-up. CSRF-exempt: the unguessable token authorises the post and no cookie is involved.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from opennps.channels_web.kiosk import kiosk_response, record_kiosk_comment, record_kiosk_score
from opennps.channels_web.models import Kiosk, kiosk_for_token
from opennps.responses.forms import ScoreForm
from opennps.responses.language import language_name
from opennps.responses.models import COMMENT_MAX_LENGTH
from opennps.responses.views.branding import theme_for
from opennps.responses.views.flow import score_choices
from opennps.surveys.models import SurveyStatus
from opennps.surveys.versions import latest_version

KIOSK_POSTS_PER_MINUTE = 30
# An abandoned follow-up goes back to the question after this long without a touch.
IDLE_SECONDS = 60


def _language(request: HttpRequest, kiosk: Kiosk, content: dict[str, Any]) -> str:
    languages = content.get("languages") or kiosk.survey.all_languages
    asked = request.GET.get("lang", "")
    return asked if asked in languages else content.get("default_language") or languages[0]


def _render(
    request: HttpRequest, kiosk: Kiosk, template: str, extra: dict[str, Any], status: int = 200
) -> HttpResponse:
    content = latest_version(kiosk.survey).content
    language = _language(request, kiosk, content)
    texts = content.get("texts", {}).get(language) or next(iter(content.get("texts", {}).values()))
    start = reverse("channels_web:kiosk", args=[kiosk.token])
    query = f"?lang={language}" if request.GET.get("lang") == language else ""
    languages = content.get("languages") or []
    with translation.override(language):
        context = {
            "kiosk": kiosk,
            "language": language,
            "languages": [(code, language_name(code)) for code in languages]
            if len(languages) > 1
            else [],
            "texts": texts,
            "brand": content.get("brand", ""),
            "theme": theme_for(kiosk.survey.accent_colour),
            "start_url": start + query,
            "query": query,
            "idle_seconds": IDLE_SECONDS,
            **extra,
        }
        if template.endswith("question.html"):
            context["scores"] = score_choices(texts)
        if "nps_class" in extra:
            context["message"] = class_text(texts, "thanks", extra["nps_class"])
        if "response" in extra:
            context["followup_question"] = class_text(
                texts, "followup", extra["response"].nps_class
            )
        page = render(request, template, context, status=status)
    page.headers["Content-Language"] = language
    return page


def _redirect(url: str) -> HttpResponseRedirect:
    redirect = HttpResponseRedirect(url)
    redirect.status_code = 303
    return redirect


def _unavailable(request: HttpRequest, kiosk: Kiosk | None) -> HttpResponse | None:
    if kiosk is None or kiosk.survey.status == SurveyStatus.DRAFT:
        return render(
            request,
            "channels_web/kiosk_notice.html",
            {"title": gettext("This kiosk is not set up"), "theme": theme_for("")},
            status=404,
        )
    if kiosk.survey.status != SurveyStatus.ACTIVE:
        return render(
            request,
            "channels_web/kiosk_notice.html",
            {"title": gettext("This survey is not taking answers now"), "theme": theme_for("")},
        )
    return None


def _too_many(request: HttpRequest) -> bool:
    return is_ratelimited(
        request, group="kiosk", key="ip", rate=f"{KIOSK_POSTS_PER_MINUTE}/m", increment=True
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def kiosk_question(request: HttpRequest, token: str) -> HttpResponse:
    kiosk = kiosk_for_token(token)
    if (page := _unavailable(request, kiosk)) is not None:
        return page
    assert kiosk is not None
    if request.method != "POST":
        return _render(request, kiosk, "channels_web/kiosk_question.html", {})
    if _too_many(request):
        return _render(
            request,
            kiosk,
            "channels_web/kiosk_question.html",
            {"error": gettext("Please wait a minute and try again.")},
            429,
        )
    form = ScoreForm(request.POST)
    if not form.is_valid():
        return _render(
            request,
            kiosk,
            "channels_web/kiosk_question.html",
            {"error": form.errors["score"][0]},
            400,
        )
    content = latest_version(kiosk.survey).content
    _response, ticket = record_kiosk_score(
        kiosk, form.cleaned_data["score"], _language(request, kiosk, content)
    )
    url = reverse("channels_web:kiosk_more", args=[kiosk.token])
    lang = request.GET.get("lang", "")
    return _redirect(f"{url}?t={ticket}" + (f"&lang={lang}" if lang else ""))


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def kiosk_followup(request: HttpRequest, token: str) -> HttpResponse:
    kiosk = kiosk_for_token(token)
    if (page := _unavailable(request, kiosk)) is not None:
        return page
    assert kiosk is not None
    ticket = request.POST.get("t", "") if request.method == "POST" else request.GET.get("t", "")
    response = kiosk_response(kiosk, ticket)
    if response is None:
        return _redirect(reverse("channels_web:kiosk", args=[kiosk.token]))
    thanks_url = reverse("channels_web:kiosk_thanks", args=[kiosk.token]) + f"?t={ticket}"
    lang = request.GET.get("lang", "")
    thanks_url += f"&lang={lang}" if lang else ""
    if request.method == "POST":
        if _too_many(request):
            return _redirect(thanks_url)
        comment = request.POST.get("comment", "")[:COMMENT_MAX_LENGTH].replace("\x00", "")
        if comment.strip():
            record_kiosk_comment(response, comment.strip())
        return _redirect(thanks_url)
    return _render(
        request,
        kiosk,
        "channels_web/kiosk_followup.html",
        {
            "response": response,
            "ticket": ticket,
            "thanks_url": thanks_url,
            "limit": COMMENT_MAX_LENGTH,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def kiosk_thanks(request: HttpRequest, token: str) -> HttpResponse:
    kiosk = kiosk_for_token(token)
    if (page := _unavailable(request, kiosk)) is not None:
        return page
    assert kiosk is not None
    response = kiosk_response(kiosk, request.GET.get("t", ""))
    nps_class = response.nps_class if response is not None else "passive"
    return _render(request, kiosk, "channels_web/kiosk_thanks.html", {"nps_class": nps_class})


def class_text(texts: dict[str, str], prefix: str, nps_class: str) -> str:
    return texts.get(f"{prefix}_{nps_class}", "")
