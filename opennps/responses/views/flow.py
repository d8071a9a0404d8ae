"""The respondent's three steps, shared by open and personal links: score, follow-up, thanks.

Every POST answers with a redirect (post/redirect/get), so reloading or going back never posts twice;
and a second post anyway (double click, back button) updates the same response.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import translation
from django.utils.translation import gettext

from opennps.responses.actions import (
    AlreadyAnswered,
    Answer,
    mark_invitation_opened,
    revisable,
    update_followup,
)
from opennps.responses.forms import FollowupForm, ScoreForm
from opennps.responses.models import COMMENT_MAX_LENGTH, Response
from opennps.responses.views.guards import (
    Refusal,
    browser_id_for,
    over_daily_limit_for_address,
    refuse_public_post,
    remember_answer,
    remember_browser,
)
from opennps.responses.views.links import SurveyLink
from opennps.responses.views.pages import Visit, notice, render_page, survey_context, unavailable
from opennps.stats import InvalidScoreError


def redirect_after_post(url: str) -> HttpResponseRedirect:
    redirect = HttpResponseRedirect(url)
    redirect.status_code = 303  # "see other": the browser follows with a GET
    return redirect


def score_choices(texts: dict[str, str]) -> list[dict[str, Any]]:
    """The 11 buttons with their screen-reader names; the ends say what they mean."""
    choices = []
    for value in range(11):
        if value == 0:
            label = f"0 — {texts['label_low']}"
        elif value == 10:
            label = f"10 — {texts['label_high']}"
        else:
            label = gettext("Score %(score)s of 10") % {"score": value}
        choices.append({"value": value, "label": label})
    return choices


def render_question(
    request: HttpRequest,
    visit: Visit,
    browser_id: str,
    form: ScoreForm | None = None,
    status: int = 200,
    preselected: int | None = None,
) -> HttpResponse:
    with translation.override(visit.language):
        context = {
            **survey_context(visit),
            "form": form,
            "action": visit.url(),
            "browser_id": browser_id,
            "scores": score_choices(visit.texts),
            "preselected": preselected,
        }
    return render_page(request, "responses/question.html", context, visit.language, status)


LINK_SCORES = {str(value): value for value in range(11)}  # exactly "0" … "10"


def preselected_score(request: HttpRequest) -> int | None:
    """The score chosen in an e-mail (`?score=9`). Only shown, never stored by a GET: mail
    scanners open every link; the page posts it (by script, or the visitor's button)."""
    return LINK_SCORES.get(request.GET.get("score", ""))


def question(request: HttpRequest, link: SurveyLink | None) -> HttpResponse:
    """GET shows the 0–10 question; POST records the score at once and moves to the follow-up."""
    if (page := unavailable(request, link)) is not None:
        return page
    assert link is not None
    if request.method == "POST":
        return submit_score(request, link)
    visit = Visit.start(request, link)
    browser_id, new_browser = browser_id_for(request)
    if link.invitation is not None and request.method == "GET":
        mark_invitation_opened(link.invitation)
    if link.may_answer(request, browser_id):
        page = render_question(request, visit, browser_id, preselected=preselected_score(request))
    else:
        page = notice(request, "already_answered_visit", visit)
    if new_browser:
        remember_browser(page, browser_id)
    return page


def refused_score(request: HttpRequest) -> ScoreForm:
    """The score form bound to what was sent, carrying the message that says what was wrong."""
    form = ScoreForm(request.POST)
    form.is_valid()
    return form


def refused(request: HttpRequest, refusal: Refusal, visit: Visit | None) -> HttpResponse:
    page = notice(request, refusal.value, visit)
    if refusal is Refusal.TOO_MANY_REQUESTS:
        page.headers["Retry-After"] = "60"
    return page


def submit_score(request: HttpRequest, link: SurveyLink) -> HttpResponse:
    refusal = refuse_public_post(request)
    visit = Visit.start(request, link)
    if refusal is not None:
        return refused(request, refusal, visit)
    browser_id, new_browser = browser_id_for(request)
    # Exactly the values ScoreForm accepts. Building the form costs more than the rest of this
    # view's own work, so it is built only to explain a refusal.
    score = LINK_SCORES.get(request.POST.get("score", ""))
    if score is None:
        return render_question(request, visit, browser_id, refused_score(request), status=400)
    if link.invitation is None and over_daily_limit_for_address(request, link.survey):
        page = notice(request, "ip_limit", visit)
        page.headers["Retry-After"] = "3600"
        return page
    answer = Answer(
        score=score,
        channel=link.channel,
        language=visit.language,
        attributes=visit.attributes,
    )
    try:
        response = link.record_score(request, answer, browser_id)
    except AlreadyAnswered:
        page = notice(request, "already_answered", visit)
    except InvalidScoreError:
        page = render_question(request, visit, browser_id, refused_score(request), status=400)
    else:
        page = redirect_after_post(visit.url("more", attributes=False))
        remember_answer(page, link.survey, response)
    if new_browser:
        remember_browser(page, browser_id)
    return page


def _answered_visit(
    request: HttpRequest, link: SurveyLink
) -> tuple[Response | None, Visit | None, HttpResponse | None]:
    """The respondent's response and the visit showing its version, or the page to show instead."""
    if (page := unavailable(request, link)) is not None:
        return None, None, page
    response = link.current_response(request)
    if response is None:
        return None, None, notice(request, "answer_not_found", Visit.start(request, link))
    visit = Visit.start(request, link, response.version.content, (response.language,))
    return response, visit, None


def followup(request: HttpRequest, link: SurveyLink | None) -> HttpResponse:
    """The class-specific follow-up, the third question and the extra questions."""
    response, visit, page = _answered_visit(request, link)
    if page is not None:
        return page
    assert response is not None and visit is not None
    if not revisable(response):
        return notice(request, "already_answered_visit", visit)
    form_arguments = {
        "content": visit.content,
        "texts": visit.texts,
        "language": visit.language,
        "nps_class": response.nps_class,
    }
    if request.method == "POST":
        if (refusal := refuse_public_post(request)) is not None:
            return refused(request, refusal, visit)
        with translation.override(visit.language):
            form = FollowupForm(request.POST, **form_arguments)
            valid = form.is_valid()
        if valid:
            update_followup(response, **form.followup_fields())
            return redirect_after_post(visit.url("thanks", attributes=False))
        status = 400
    else:
        initial = FollowupForm.initial_from(response, visit.content)
        form = FollowupForm(initial=initial, **form_arguments)
        status = 200
    context = {
        **survey_context(visit, "more"),
        "form": form,
        "response": response,
        "action": visit.url("more", attributes=False),
        "change_url": visit.url(attributes=False),
        "limit": COMMENT_MAX_LENGTH,
    }
    return render_page(request, "responses/followup.html", context, visit.language, status)


def thanks(request: HttpRequest, link: SurveyLink | None) -> HttpResponse:
    """The class-specific thank-you; promoters also get the survey's call to action, if set."""
    response, visit, page = _answered_visit(request, link)
    if page is not None:
        return page
    assert response is not None and visit is not None
    texts = visit.texts
    cta_url = visit.content.get("promoter_cta_url", "") if response.nps_class == "promoter" else ""
    if cta_url:
        from opennps.cases.promoter_links import promoter_link

        # Through /go/<token>, which counts the click (promoter activation) and redirects.
        cta_url = promoter_link(response)
    context = {
        **survey_context(visit, "thanks"),
        "message": texts.get(f"thanks_{response.nps_class}", ""),
        "cta_url": cta_url,
        "cta_label": texts.get("cta_label", ""),
        "change_url": visit.url("more", attributes=False) if revisable(response) else "",
    }
    return render_page(request, "responses/thanks.html", context, visit.language)
