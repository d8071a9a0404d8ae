"""A contact's story in time order, newest first: invitations (channel and status), their
opening, the answers they gave (score, comment) and the cases opened on them (status, assignee).

Employee (eNPS) answers never appear: they are not linked to anyone, and an eNPS invitation is
shown without its status, so the card does not tell whether this person answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from opennps.cases.models import Case
from opennps.contacts.models import Contact
from opennps.distribution.models import Channel, Invitation
from opennps.responses.models import Response
from opennps.surveys.models import SurveyKind


@dataclass(frozen=True)
class Event:
    moment: datetime
    kind: str  # invited, opened, answered, case
    title: str
    survey_name: str
    channel: str
    status: str = ""
    response: Response | None = None
    case: Case | None = None


# Within one moment the story's own order: asked, opened, answered, then the case on the answer.
STEPS = ("invited", "opened", "answered", "case")


def contact_timeline(contact: Contact) -> list[Event]:
    """Newest first, as a CRM's client card reads: what happened last is what a caller needs."""
    channels = dict(Channel.choices)
    events: list[Event] = []
    invitations = Invitation.objects.filter(
        contact=contact, workspace_id=contact.workspace_id
    ).select_related("survey")
    for invitation in invitations:
        anonymous = invitation.survey.kind == SurveyKind.EMPLOYEE
        channel = str(channels.get(invitation.channel, invitation.channel))
        events.append(
            Event(
                invitation.created_at,
                "invited",
                _("Invited"),
                invitation.survey.name,
                channel,
                status=_("employee survey: answers are anonymous")
                if anonymous
                else invitation.get_status_display(),
            )
        )
        if invitation.opened_at and not anonymous:
            events.append(
                Event(invitation.opened_at, "opened", _("Opened"), invitation.survey.name, channel)
            )
    responses = (
        Response.objects.filter(contact=contact, workspace_id=contact.workspace_id)
        .exclude(survey__kind=SurveyKind.EMPLOYEE)
        .select_related("survey")
    )
    for response in responses:
        events.append(
            Event(
                response.created_at,
                "answered",
                _("Answered"),
                response.survey.name,
                str(channels.get(response.channel, response.channel)),
                response=response,
            )
        )
    cases = (
        Case.objects.filter(contact=contact, workspace_id=contact.workspace_id)
        .exclude(survey__kind=SurveyKind.EMPLOYEE)
        .select_related("survey", "assignee", "response")
    )
    for case in cases:
        events.append(
            Event(
                case.opened_at,
                "case",
                _("Case opened"),
                case.survey.name,
                str(channels.get(case.response.channel, case.response.channel)),
                status=case.get_status_display(),
                case=case,
            )
        )
    events.sort(key=lambda event: (event.moment, STEPS.index(event.kind)), reverse=True)
    return events
