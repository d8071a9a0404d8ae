"""The response-rate funnel per channel: invitations sent → opened → answered.

It counts invitation rows (indexed by survey and status), so unlike the NPS figures its cost
grows with the number of invitations in the range.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q

from opennps.analytics import dashboard_queries as source
from opennps.analytics.queries import Filters
from opennps.distribution.models import Channel, Invitation, InvitationStatus

# Statuses of invitations that never left OpenNPS. A bounce counts as sent: the message went out
# and was refused, which is the sender's reach problem the funnel should show.
NOT_SENT = (
    InvitationStatus.QUEUED,
    InvitationStatus.FAILED,
    InvitationStatus.THROTTLED,
    InvitationStatus.CANCELLED,
    InvitationStatus.EXPIRED,
)


@dataclass(frozen=True)
class FunnelRow:
    channel: str
    label: str
    invitations: int
    sent: int
    opened: int
    answered: int

    def rate(self, part: int) -> float | None:
        return 100 * part / self.sent if self.sent else None

    @property
    def opened_rate(self) -> float | None:
        return self.rate(self.opened)

    @property
    def answered_rate(self) -> float | None:
        return self.rate(self.answered)


def funnel(filters: Filters) -> list[FunnelRow]:
    """Invitations created in the range, per channel: sent → opened → answered.

    Opening is implied by an answer (an SMS link has no separate "opened" record).
    """
    invitations = Invitation.objects.filter(workspace_id=filters.workspace_id)
    if filters.survey_ids:
        invitations = invitations.filter(survey_id__in=filters.survey_ids)
    if filters.channels:
        invitations = invitations.filter(channel__in=filters.channels)
    if filters.date_from:
        invitations = invitations.filter(
            created_at__gte=source.start_of_local_day(filters.date_from)
        )
    if filters.date_to:
        invitations = invitations.filter(
            created_at__lt=source.start_of_local_day(filters.date_to + timedelta(days=1))
        )
    answered = Q(responded=True) | Q(status=InvitationStatus.RESPONDED)
    opened = answered | Q(opened_at__isnull=False) | Q(status=InvitationStatus.OPENED)
    sent = opened | ~Q(status__in=NOT_SENT)
    counts = (
        invitations.order_by()
        .values("channel")
        .annotate(
            invitations=Count("id"),
            sent=Count("id", filter=sent),
            opened=Count("id", filter=opened),
            answered=Count("id", filter=answered),
        )
    )
    labels = dict(Channel.choices)
    return sorted(
        (
            FunnelRow(
                row["channel"],
                str(labels.get(row["channel"], row["channel"])),
                row["invitations"],
                row["sent"],
                row["opened"],
                row["answered"],
            )
            for row in counts
        ),
        key=lambda row: -row.invitations,
    )
