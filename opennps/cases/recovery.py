"""Recovery: a re-survey N days after a case is resolved, and marking the case recovered when the
customer answers it as a passive or a promoter.

The re-survey is an ordinary personal invitation of the same survey to the same contact, sent by
the distribution worker (a Delivery due N days after resolution). It takes the contact's slot in
the throttling ledger for its send time and is not itself throttled: it is the follow-up the case
promised, and the same-survey gap (30 days by default) would otherwise always hold it back.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from opennps.accounts.models import User
from opennps.cases.models import ActivityKind, Case, CaseStatus
from opennps.cases.opening import settings_for
from opennps.distribution.models import Channel, Delivery, Invitation
from opennps.distribution.tokens import new_seed, token_hash_from_seed
from opennps.responses.models import Response
from opennps.surveys.models import SurveyStatus

RECOVERED_CLASSES = ("passive", "promoter")


def queue_resurvey(case: Case, actor: User | None) -> Invitation | None:
    """Queue the re-survey of a resolved case, if the workspace wants one and the contact can be
    e-mailed; None otherwise. A case is re-surveyed once, however often it is resolved."""
    from opennps.cases.actions import log

    days = settings_for(case.workspace_id).resurvey_after_days
    contact = case.contact
    survey = case.survey
    if (
        days is None
        or case.resurvey_invitation_id is not None
        or contact is None
        or not contact.email
        or not contact.may_receive("email")
        or survey.is_anonymous
        or survey.status != SurveyStatus.ACTIVE
    ):
        return None
    send_at = (case.resolved_at or timezone.now()) + timedelta(days=days)
    seed = new_seed()
    invitation = Invitation.objects.create(
        workspace_id=case.workspace_id,
        survey=survey,
        contact=contact,
        channel=Channel.EMAIL,
        token_seed=seed,
        token_hash=token_hash_from_seed(seed),
        asked_at=send_at,
    )
    Delivery.objects.create(invitation=invitation, next_attempt_at=send_at)
    case.resurvey_invitation = invitation
    case.save(update_fields=["resurvey_invitation"])
    log(case, actor, ActivityKind.RESURVEY, send_at=send_at.isoformat())
    return invitation


def note_resurvey_answer(response: Response) -> None:
    """Called for every new or re-scored answer: if it answers a case's re-survey, the case is
    recovered when the score is passive or promoter (and no longer, should it be revised down)."""
    from opennps.cases.actions import log, set_status

    if response.invitation_id is None:
        return
    case = Case.objects.filter(resurvey_invitation_id=response.invitation_id).first()
    if case is None:
        return
    recovered = response.nps_class in RECOVERED_CLASSES
    case.recovery_response = response
    if recovered and case.recovered_at is None:
        case.recovered_at = timezone.now()
        case.save(update_fields=["recovery_response", "recovered_at"])
        log(case, None, ActivityKind.RECOVERED, score=response.score)
        set_status(case, CaseStatus.WON_BACK, None)
    elif not recovered and case.recovered_at is not None:
        case.recovered_at = None
        case.save(update_fields=["recovery_response", "recovered_at"])
        set_status(case, CaseStatus.RESOLVED, None)
    else:
        case.save(update_fields=["recovery_response"])
