"""Every write of a response goes through here: the page, the API, the CLI and the demo share it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from opennps.accounts.models import hash_secret
from opennps.analytics.rollups import apply_change, facts_of, segment_keys
from opennps.contacts.models import Contact
from opennps.distribution.models import Invitation, InvitationStatus
from opennps.responses.events import ResponseEvent, announce
from opennps.responses.locking import lock_respondent, respondent_lock_statement
from opennps.responses.models import COMMENT_MAX_LENGTH, Response
from opennps.responses.prefetch import known_segment_keys, known_version_id
from opennps.stats.classify import classify, validate_score
from opennps.surveys.models import Survey
from opennps.surveys.versions import latest_version_id

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


def create_response(
    survey: Survey,
    answer: Answer,
    *,
    contact: Contact | None = None,
    invitation: Invitation | None = None,
    respondent_key: str = "",
    created_at: datetime | None = None,
    interviewer: Any = None,
) -> Response:
    """Store a new response. eNPS responses never keep the contact or the invitation.

    `interviewer` is the user who recorded a phone interview (None when people answered themselves).

    Input is checked before any write, so a refusal leaves the caller's transaction usable; the
    writes join the caller's transaction (no savepoint: if one fails, the whole answer fails).
    """
    score = validate_score(answer.score)
    comment = check_comment(answer.comment)
    third_answer = check_comment(answer.third_answer, "third_answer")
    now = timezone.now()
    anonymous = survey.is_anonymous
    response = Response(
        workspace_id=survey.workspace_id,
        survey=survey,
        version_id=known_version_id(survey) or latest_version_id(survey),
        comment=comment,
        third_answer=third_answer,
        answers=answer.answers,
        channel=answer.channel,
        language=answer.language,
        contact=None if anonymous else contact,
        invitation=None if anonymous else invitation,
        attributes=answer.attributes,
        respondent_key=respondent_key,
        created_at=created_at or now,
        interviewer=interviewer,
    )
    _apply_score(response, score, now)
    with transaction.atomic(savepoint=False):
        response.save()
        if invitation is not None:
            _mark_invitation_answered(invitation)
        announce(
            response,
            ResponseEvent.CREATED,
            frozenset({"score", "comment", "third_answer", "answers"}),
        )
        # Last: every writer of the survey's day updates the same rollup rows, and holds their
        # row locks until it commits; the shorter that is, the more answers per second.
        apply_change(None, facts_of(response, known_segment_keys(survey)))
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


def browser_respondent_key(survey: Survey, browser_id: str) -> str:
    """The stored stand-in for a browser id: unique per survey, so rows cannot be linked across."""
    return hash_secret(f"{survey.pk}:{browser_id}") if browser_id else ""


def previous_browser_response(
    survey: Survey, respondent_key: str, previous_response_id: int | None, *, lock_scope: str = ""
) -> Response | None:
    """The response this browser gave last: the one its cookie names, else the latest by its key.

    `lock_scope` names a respondent lock (see locking) to take before looking; it travels with
    the first lookup, so a new respondent costs one round trip for both.
    """
    previous = None
    if previous_response_id is not None:
        if lock_scope:
            lock_respondent(lock_scope)
            lock_scope = ""
        previous = Response.objects.filter(pk=previous_response_id, survey=survey).first()
    if previous is None and respondent_key:
        newest_id = _newest_response_id(survey.pk, respondent_key, lock_scope)
        if newest_id is not None:
            previous = Response.objects.filter(pk=newest_id).first()
    elif lock_scope:
        lock_respondent(lock_scope)
    return previous


def _newest_response_id(survey_id: int, respondent_key: str, lock_scope: str) -> int | None:
    """The id of the newest response stored under this respondent key, or None; first takes
    the respondent lock `lock_scope` (if any) in the same round trip.

    Every new respondent asks this once and almost always finds nothing. Plain SQL for the id
    alone: the ORM spent three times longer building the statement (its ORDER BY above all)
    than the database spent answering it; the row is loaded only when there is one.
    """
    lock, parameters = respondent_lock_statement(lock_scope) if lock_scope else ("", [])
    # The table name comes from the model; the values travel as parameters.
    sql = (
        f"SELECT id FROM {Response._meta.db_table} "  # noqa: S608
        "WHERE survey_id = %s AND respondent_key = %s ORDER BY created_at DESC LIMIT 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(lock + sql, [*parameters, survey_id, respondent_key])
        if lock:
            cursor.nextset()  # past the lock's own result
        row = cursor.fetchone()
    return row[0] if row else None


def browser_may_answer(survey: Survey, browser_id: str, previous_response_id: int | None) -> bool:
    """Whether record_score_from_browser would accept a score from this browser now (read only)."""
    previous = previous_browser_response(
        survey, browser_respondent_key(survey, browser_id), previous_response_id
    )
    now = timezone.now()
    return (
        previous is None
        or revisable(previous, now)
        or now - previous.created_at >= timedelta(days=survey.repeat_days_per_browser)
    )


@transaction.atomic
def record_score_from_browser(
    survey: Survey, answer: Answer, browser_id: str, previous_response_id: int | None
) -> Response:
    """The score from an open link: the same browser within 24 h updates its response.

    `browser_id` is the random id in the respondent's cookie (or form); `previous_response_id` the
    response remembered in their signed cookie. Raises AlreadyAnswered when this browser answered
    more recently than the survey's repeat limit allows.
    """
    respondent_key = browser_respondent_key(survey, browser_id)
    previous = previous_browser_response(
        survey,
        respondent_key,
        previous_response_id,
        lock_scope=f"survey:{survey.pk}:{respondent_key}" if respondent_key else "",
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
    invitation: Invitation,
    answer: Answer,
    previous_response_id: int | None = None,
    *,
    browser_id: str = "",
) -> Response:
    """The score from a personal link: one response per invitation, revisable for 24 h.

    For eNPS the response cannot be found from the invitation (that is the point), so only the
    respondent's own browser can revise it: the response its cookie names (`previous_response_id`),
    else — when `browser_id` is given — the response stored under that browser's key (a double
    click races ahead of the cookie). Without either a second answer is refused, never stored twice.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    survey = invitation.survey
    lock_respondent(f"invitation:{invitation.pk}")
    if survey.is_anonymous:
        # The key is a hash of the survey and a random id that lives only in the employee's
        # browser: it lets that browser find its answer, and nobody else link it to a person.
        respondent_key = browser_respondent_key(survey, browser_id)
        previous = previous_browser_response(survey, respondent_key, previous_response_id)
        if revisable(previous):
            return update_score(previous, answer.score)
        if invitation.responded:
            raise AlreadyAnswered
        return create_response(survey, answer, invitation=invitation, respondent_key=respondent_key)
    previous = Response.objects.filter(invitation=invitation).order_by("-created_at").first()
    if revisable(previous):
        return update_score(previous, answer.score)
    if previous is not None:
        raise AlreadyAnswered
    answer.language = answer.language or invitation.contact.language
    return create_response(survey, answer, contact=invitation.contact, invitation=invitation)


def mark_invitation_opened(invitation: Invitation) -> None:
    """Record the first opening of a personal link; a later status is never moved back.

    For eNPS only the day is kept: an exact time could be matched against the response's.
    """
    if invitation.opened_at is not None:
        return
    now = timezone.now()
    if invitation.survey.is_anonymous:
        now = now.replace(hour=0, minute=0, second=0, microsecond=0)
    Invitation.objects.filter(pk=invitation.pk, opened_at__isnull=True).update(opened_at=now)
    Invitation.objects.filter(
        pk=invitation.pk,
        status__in=[InvitationStatus.QUEUED, InvitationStatus.SENT, InvitationStatus.DELIVERED],
    ).update(status=InvitationStatus.OPENED)
    invitation.opened_at = now


def update_score(response: Response, score: object) -> Response:
    score = validate_score(score)
    with transaction.atomic(savepoint=False):
        keys = segment_keys(response.workspace_id)
        before = facts_of(response, keys)
        _apply_score(response, score, timezone.now())
        response.save(update_fields=["score", "nps_class", "updated_at"])
        announce(response, ResponseEvent.UPDATED, frozenset({"score"}))
        apply_change(before, facts_of(response, keys))  # last, as in create_response
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
    with transaction.atomic(savepoint=False):
        response.save(update_fields=fields)
        announce(response, ResponseEvent.UPDATED, frozenset(fields) - {"updated_at"})
    return response


@transaction.atomic(savepoint=False)
def delete_response(response: Response) -> None:
    apply_change(facts_of(response), None)
    announce(response, ResponseEvent.DELETED, frozenset())
    response.delete()
