"""The website widget's decisions: may this visitor be asked now, and recording what they said.

A visitor the host page names (`userId`) is a contact of the workspace (found or created by external
id), and showing them the widget takes their slot in the throttling ledger exactly like a sent
e-mail does (distribution/throttling.py): an Invitation with channel "widget" whose token is the
widget's ticket for the answer. So nobody is asked by the widget a week after an e-mail, nor twice
by the widget. An anonymous visitor can only be limited per browser (the survey's repeat limit,
keyed by a random id the widget keeps in localStorage).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, override

from opennps.contacts.models import Contact
from opennps.distribution.models import Channel, Invitation, create_invitation, invitation_for_token
from opennps.distribution.throttling import reserve_many, settings_for
from opennps.responses.actions import (
    REVISION_WINDOW,
    AlreadyAnswered,
    Answer,
    browser_respondent_key,
    mark_invitation_opened,
    previous_browser_response,
    record_score_from_browser,
    record_score_from_invitation,
    revisable,
    update_followup,
)
from opennps.responses.models import Response
from opennps.surveys.models import Survey, SurveyStatus
from opennps.surveys.versions import latest_version

FOLLOWUP_SALT = "opennps.channels_web.widget.followup"


@dataclass(frozen=True)
class Eligibility:
    show: bool
    reason: str = ""  # why not: inactive, do_not_contact, throttled, already_answered
    ticket: str = ""  # the invitation token a known user answers with
    ask_again_at: datetime | None = None  # the localStorage hint: no need to ask before then


def _contact_for(survey: Survey, user_id: str) -> Contact:
    """The workspace's contact with this external id, created (with nothing else) if new; a
    second tab creating it at the same moment gets the same row (the id is unique per workspace)."""
    contact, _created = Contact.objects.get_or_create(
        workspace_id=survey.workspace_id, external_id=user_id
    )
    return contact


def check_eligibility(survey: Survey, user_id: str, browser_id: str) -> Eligibility:
    """Whether the widget may ask this visitor now; for a known user this also takes the slot.

    Asking is recording the ask: the check and the reservation are one transaction (the ledger
    locks the contact), so two tabs opening at once show the widget once.
    """
    if survey.status != SurveyStatus.ACTIVE:
        return Eligibility(False, "inactive")
    if not user_id:
        # Unlike the open link, no "change your answer" within 24 h: the widget asks once.
        previous = previous_browser_response(
            survey, browser_respondent_key(survey, browser_id), None
        )
        if browser_id and previous is not None:
            ask_again = previous.created_at + timedelta(days=survey.repeat_days_per_browser)
            if ask_again > timezone.now():
                return Eligibility(False, "already_answered", ask_again_at=ask_again)
        return Eligibility(True)
    rules = settings_for(survey.workspace_id)
    contact = _contact_for(survey, user_id)
    if contact.do_not_contact:
        return Eligibility(False, "do_not_contact")
    with transaction.atomic():
        invitation, token = create_invitation(survey, contact, Channel.WIDGET)
        decision = reserve_many([invitation], rules)[invitation.pk]
        if not decision.allowed:
            # A refused show is not an ask: no row, or every page view would leave one.
            invitation.delete()
            return Eligibility(False, "throttled", ask_again_at=decision.retry_at)
        mark_invitation_opened(invitation)
    ask_again = timezone.now() + timedelta(days=rules.days_between_same_survey)
    return Eligibility(True, ticket=token, ask_again_at=ask_again)


class WidgetRefusal(Exception):
    """The answer cannot be taken; `field` names the input at fault, `status` the HTTP status."""

    def __init__(self, status: int, field: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.field = field
        self.message = message


def _invitation_for_ticket(survey: Survey, ticket: str) -> Invitation:
    invitation = invitation_for_token(ticket)
    if (
        invitation is None
        or invitation.survey_id != survey.pk
        or invitation.channel != Channel.WIDGET
    ):
        raise WidgetRefusal(400, "ticket", "ticket is not a valid ticket of this survey.")
    return invitation


def record_widget_score(
    survey: Survey, answer: Answer, *, ticket: str = "", browser_id: str = ""
) -> Response:
    """Store the score from the widget: by the known user's ticket, else by the browser's id.

    A second score within 24 hours updates the same response. Raises WidgetRefusal.
    """
    if survey.status != SurveyStatus.ACTIVE:
        raise WidgetRefusal(409, "survey", "This survey is not taking answers now.")
    try:
        if ticket:
            invitation = _invitation_for_ticket(survey, ticket)
            return record_score_from_invitation(invitation, answer, browser_id=browser_id)
        if not browser_id:
            raise WidgetRefusal(400, "browserId", "browserId is required without a ticket.")
        return record_score_from_browser(survey, answer, browser_id, None)
    except AlreadyAnswered:
        raise WidgetRefusal(409, "score", "This visitor has already answered.") from None


def followup_ticket(response: Response) -> str:
    return signing.dumps(response.pk, salt=f"{FOLLOWUP_SALT}.{response.survey_id}")


def record_widget_comment(survey: Survey, ticket: str, comment: str) -> Response:
    """Store the follow-up answer of the response the ticket names, while it is revisable."""
    try:
        response_id = signing.loads(
            ticket,
            salt=f"{FOLLOWUP_SALT}.{survey.pk}",
            max_age=REVISION_WINDOW.total_seconds(),
        )
    except signing.BadSignature:
        raise WidgetRefusal(
            400, "followup", "followup is not a valid ticket of this survey."
        ) from None
    response = Response.objects.filter(pk=response_id, survey=survey).first()
    if response is None or not revisable(response):
        raise WidgetRefusal(409, "followup", "This answer can no longer be changed.")
    return update_followup(response, comment=comment)


def widget_config(survey: Survey, widget: Any, endpoint: str) -> dict[str, Any]:
    """Everything the script needs, in every language of the survey (it picks the visitor's)."""
    content = latest_version(survey).content
    texts: dict[str, dict[str, str]] = {}
    for language in content.get("languages") or survey.all_languages:
        own = content.get("texts", {}).get(language, {})
        with override(language):
            texts[language] = {
                **{key: value for key, value in own.items() if not key.startswith("cta")},
                "close": gettext("Close"),
                "send": gettext("Send"),
                "skip": gettext("No, thanks"),
                "score": gettext("Score %(score)s of 10"),
            }
    return {
        "endpoint": endpoint,
        "language": content.get("default_language") or survey.default_language,
        "texts": texts,
        "trigger": widget.trigger,
        "delay": widget.delay_seconds,
        "patterns": widget.patterns,
        "position": widget.position,
        "accent": survey.accent_colour,
        "attributes": list(survey.hidden_attributes),
        "repeatDays": survey.repeat_days_per_browser,
    }
