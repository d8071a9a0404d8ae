"""Every write of a response goes through here: the page, the API, the CLI and the demo share it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from opennps.accounts.models import hash_secret
from opennps.contacts.models import Contact
from opennps.distribution.models import Invitation, InvitationStatus
from opennps.responses.locking import lock_respondent
from opennps.responses.models import COMMENT_MAX_LENGTH, Response
from opennps.stats.classify import classify, validate_score
from opennps.surveys.models import Survey
from opennps.surveys.versions import latest_version

# A respondent who changes their mind within this window edits their answer instead of adding one.
REVISION_WINDOW = timedelta(hours=24)


class AlreadyAnswered(Exception):
    """This respondent answered before and may not answer again yet."""


@dataclass
class Answer:
    """What a respondent said; everything but the score is optional."""

    score: object
    channel: str
    language: str = ""
    comment: str = ""
    third_answer: str = ""
    answers: dict[str, Any] = field(default_factory=dict)
    attributes: dict[str, Any] = field(default_factory=dict)


def check_comment(text: str, field_name: str = "comment") -> str:
    if len(text) > COMMENT_MAX_LENGTH:
        raise ValueError(
            f"{field_name} has {len(text)} characters; at most {COMMENT_MAX_LENGTH} are allowed"
        )
    return text


def _apply_score(response: Response, score: int, now: datetime) -> None:
    response.score = score
    response.nps_class = str(classify(score))
    response.updated_at = now


@transaction.atomic
def create_response(
    survey: Survey,
    answer: Answer,
    *,
    contact: Contact | None = None,
    invitation: Invitation | None = None,
    respondent_key: str = "",
    created_at: datetime | None = None,
) -> Response:
    """Store a new response. eNPS responses never keep the contact or the invitation."""
    score = validate_score(answer.score)
    now = timezone.now()
    anonymous = survey.is_anonymous
    response = Response(
        workspace_id=survey.workspace_id,
        survey=survey,
        version=latest_version(survey),
        comment=check_comment(answer.comment),
        third_answer=check_comment(answer.third_answer, "third_answer"),
        answers=answer.answers,
        channel=answer.channel,
        language=answer.language,
        contact=None if anonymous else contact,
        invitation=None if anonymous else invitation,
        attributes=answer.attributes,
        respondent_key=respondent_key,
        created_at=created_at or now,
    )
    _apply_score(response, score, now)
    response.save()
    if invitation is not None:
        _mark_invitation_answered(invitation)
    return response


def _mark_invitation_answered(invitation: Invitation) -> None:
    # No timestamp: for eNPS a time could be matched against the response's.
    Invitation.objects.filter(pk=invitation.pk).update(
        responded=True, status=InvitationStatus.RESPONDED
    )


def revisable(response: Response | None, now: datetime | None = None) -> bool:
    if response is None:
        return False
    return (now or timezone.now()) - response.created_at < REVISION_WINDOW


@transaction.atomic
def record_score_from_browser(
    survey: Survey, answer: Answer, browser_id: str, previous_response_id: int | None
) -> Response:
    """The score from an open link: the same browser within 24 h updates its response.

    `browser_id` is the random id in the respondent's cookie (or form); `previous_response_id` the
    response remembered in their signed cookie. Raises AlreadyAnswered when this browser answered
    more recently than the survey's repeat limit allows.
    """
    respondent_key = hash_secret(f"{survey.pk}:{browser_id}") if browser_id else ""
    if respondent_key:
        lock_respondent(f"survey:{survey.pk}:{respondent_key}")
    previous = None
    if previous_response_id is not None:
        previous = Response.objects.filter(pk=previous_response_id, survey=survey).first()
    if previous is None and respondent_key:
        previous = (
            Response.objects.filter(survey=survey, respondent_key=respondent_key)
            .order_by("-created_at")
            .first()
        )
    now = timezone.now()
    if revisable(previous, now):
        return update_score(previous, answer.score)
    if previous is not None and now - previous.created_at < timedelta(
        days=survey.repeat_days_per_browser
    ):
        raise AlreadyAnswered
    return create_response(survey, answer, respondent_key=respondent_key)


@transaction.atomic
def record_score_from_invitation(
    invitation: Invitation, answer: Answer, previous_response_id: int | None = None
) -> Response:
    """The score from a personal link: one response per invitation, revisable for 24 h.

    For eNPS the response cannot be found from the invitation (that is the point), so only the
    respondent's own cookie (`previous_response_id`) can revise it; without it a second answer is
    refused rather than stored twice.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    survey = invitation.survey
    lock_respondent(f"invitation:{invitation.pk}")
    if survey.is_anonymous:
        previous = (
            Response.objects.filter(pk=previous_response_id, survey=survey).first()
            if previous_response_id is not None
            else None
        )
        if revisable(previous):
            return update_score(previous, answer.score)
        if invitation.responded:
            raise AlreadyAnswered
        return create_response(survey, answer, invitation=invitation)
    previous = Response.objects.filter(invitation=invitation).order_by("-created_at").first()
    if revisable(previous):
        return update_score(previous, answer.score)
    if previous is not None:
        raise AlreadyAnswered
    answer.language = answer.language or invitation.contact.language
    return create_response(survey, answer, contact=invitation.contact, invitation=invitation)


def update_score(response: Response, score: object) -> Response:
    _apply_score(response, validate_score(score), timezone.now())
    response.save(update_fields=["score", "nps_class", "updated_at"])
    return response


def update_followup(
    response: Response,
    *,
    comment: str | None = None,
    third_answer: str | None = None,
    answers: dict[str, Any] | None = None,
) -> Response:
    """Record the follow-up answers; fields left as None keep what was stored."""
    fields = ["updated_at"]
    if comment is not None:
        response.comment = check_comment(comment)
        fields.append("comment")
    if third_answer is not None:
        response.third_answer = check_comment(third_answer, "third_answer")
        fields.append("third_answer")
    if answers is not None:
        response.answers = {**response.answers, **answers}
        fields.append("answers")
    response.updated_at = timezone.now()
    response.save(update_fields=fields)
    return response


def delete_response(response: Response) -> None:
    response.delete()
