"""A contact's story in time order: invitations, their opening, and the answers they gave.

Employee (eNPS) answers never appear: they are not linked to anyone, and an eNPS invitation is
shown without its status, so the card does not tell whether this person answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from opennps.contacts.models import Contact
from opennps.distribution.models import Channel, Invitation
from opennps.responses.models import Response
from opennps.surveys.models import SurveyKind


@dataclass(frozen=True)
class Event:
    moment: datetime
    kind: str  # invited, opened, answered
    title: str
    survey_name: str
    channel: str
    status: str = ""
    response: Response | None = None


def contact_timeline(contact: Contact) -> list[Event]:
    """Oldest first, so the card reads like the story it is."""
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
    events.sort(
        key=lambda event: (event.moment, ("invited", "opened", "answered").index(event.kind))
    )
    return events
