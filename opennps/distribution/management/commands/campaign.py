"""`opennps campaign send|show|cancel`: queue an e-mail campaign and watch it from the shell."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from opennps.distribution.campaigns import CampaignError, cancel_campaign, progress, queue_campaign
from opennps.distribution.models import Campaign
from opennps.distribution.segments import SegmentError, parse_segment
from opennps.surveys.models import Survey


class Command(BaseCommand):
    help = "Queue an e-mail campaign (the worker sends it), show its progress, or cancel it."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        send = actions.add_parser("send", help="queue a campaign and print its id")
        send.add_argument("--survey", required=True, help="survey id (number) or public id")
        send.add_argument("--channel", required=True, choices=["email", "sms"])
        send.add_argument(
            "--segment",
            default="",
            help="attr=value[,attr=value]; language=ru (or language=ru|kk)",
        )
        send.add_argument("--at", default="", help="send later: ISO time, e.g. 2026-12-01T09:00")
        show = actions.add_parser("show", help="print a campaign's progress")
        show.add_argument("campaign", type=int)
        cancel = actions.add_parser("cancel", help="stop a campaign's unsent messages")
        cancel.add_argument("campaign", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "send":
            self.send(options)
            return
        campaign = Campaign.objects.filter(pk=options["campaign"]).first()
        if campaign is None:
            raise CommandError(f"campaign {options['campaign']} does not exist")
        if action == "cancel":
            stopped = cancel_campaign(campaign)
            self.stdout.write(f"Campaign {campaign.pk} cancelled; {stopped} messages not sent.")
            return
        counts = progress(campaign)
        self.stdout.write(f"Campaign {campaign.pk}: {campaign.status}")
        for name, value in counts.items():
            if value:
                self.stdout.write(f"  {name:<10} {value}")

    def send(self, options: dict[str, Any]) -> None:
        key = options["survey"]
        survey = Survey.objects.filter(public_id=key).first()
        if survey is None and str(key).isdigit():
            survey = Survey.objects.filter(pk=int(key)).first()
        if survey is None:
            raise CommandError(f"--survey: no survey with id {key!r}")
        try:
            segment = parse_segment(options["segment"])
        except SegmentError as error:
            raise CommandError(f"--segment: {error}") from None
        scheduled_at = None
        if options["at"]:
            try:
                scheduled_at = datetime.fromisoformat(options["at"])
            except ValueError:
                raise CommandError("--at: not an ISO time, e.g. 2026-12-01T09:00") from None
            if timezone.is_naive(scheduled_at):
                scheduled_at = timezone.make_aware(scheduled_at)
        try:
            campaign = queue_campaign(
                survey, options["channel"], segment, scheduled_at=scheduled_at
            )
        except CampaignError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(str(campaign.pk))
        self.stderr.write(f"Queued {campaign.contacts_count} invitations; `opennps worker` sends.")
