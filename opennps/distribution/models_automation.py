"""When to ask without a person pressing "send": trigger rules and their events, relationship
schedules, and a workspace's SMS provider.

Imported at the end of models.py so Django finds these models in the distribution app.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace
from opennps.contacts.models import Contact
from opennps.distribution.models import Campaign, Channel
from opennps.surveys.models import Survey
from opennps.work.models import WorkItem

# Channels a trigger or schedule can send on, in the order offered.
SENDING_CHANNELS = (Channel.EMAIL, Channel.SMS)


class TriggerRule(models.Model):
    """Ask `survey` when an event called `event_name` arrives whose properties meet `conditions`.

    conditions: [{"property": name, "op": "equals" | "in" | "exists", "value": ...}], all must
    hold. channels: the preference order, e.g. ["email", "sms"]; the first channel the contact
    can be reached on is used.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="trigger_rules")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="trigger_rules")
    event_name = models.CharField(_("event name"), max_length=100)
    conditions = models.JSONField(_("conditions"), default=list, blank=True)
    delay_days = models.PositiveIntegerField(_("delay in days"), default=0)
    delay_hours = models.PositiveIntegerField(_("delay in hours"), default=0)
    channels = models.JSONField(_("channels"), default=list)
    # The invitation is not sent (status expired) when it could not go out within this many days
    # of being due, e.g. because throttling kept deferring it; 0 = never expires.
    expires_after_days = models.PositiveIntegerField(_("expires after days"), default=14)
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes: ClassVar = [models.Index(fields=["workspace", "event_name"])]

    def __str__(self) -> str:
        return f"on {self.event_name} ask {self.survey}"

    @property
    def condition_lines(self) -> list[str]:
        """The conditions as the rule form writes them (`touchpoint in shop|app`)."""
        from opennps.distribution.triggers import conditions_text  # triggers imports this module

        return conditions_text(self.conditions).splitlines()


class EventOutcome(models.TextChoices):
    SCHEDULED = "scheduled", _("Invitation scheduled")
    NO_RULE = "no_rule", _("No active rule for this event")
    CONDITIONS_NOT_MET = "conditions_not_met", _("Conditions not met")
    UNREACHABLE = "unreachable", _("Contact cannot be reached on any of the rule's channels")
    SURVEY_INACTIVE = "survey_inactive", _("Survey is not active")
    ALREADY_INVITED = "already_invited", _("An invitation of this rule is still open")


class Event(models.Model):
    """One event received by POST /api/v1/events, kept with what each rule made of it.

    outcomes: [{"rule": id, "survey": id, "outcome": EventOutcome, "invitation": id | None,
    "channel": str, "due_at": ISO time}] so the reason an invitation was or was not sent can be
    read later beside the invitation's own status (sent, throttled, expired, ...).
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="events")
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    name = models.CharField(max_length=100)
    properties = models.JSONField(default=dict, blank=True)
    occurred_at = models.DateTimeField()
    received_at = models.DateTimeField(auto_now_add=True)
    outcomes = models.JSONField(default=list, blank=True)
    idempotency_key = models.CharField(max_length=200, blank=True)
    request_fingerprint = models.CharField(max_length=64, blank=True)

    class Meta:
        indexes: ClassVar = [models.Index(fields=["workspace", "received_at"])]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["workspace", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="event_idempotency_key_unique_in_workspace",
            )
        ]

    def __str__(self) -> str:
        return f"event {self.name} #{self.pk}"


class RelationshipSchedule(models.Model):
    """Ask a segment every `every_months` months, spread evenly over the period."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="relationship_schedules"
    )
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="relationship_schedules"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    segment = models.JSONField(default=dict, blank=True)  # as Campaign.segment (segments.py)
    every_months = models.PositiveSmallIntegerField(_("every N months"), default=6)
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"every {self.every_months} months: {self.survey}"


class RelationshipRun(WorkItem):
    """One period of a schedule: the worker claims it when the period starts and queues a
    campaign whose messages are due at dates spread over the period; it then plans the next."""

    schedule = models.ForeignKey(
        RelationshipSchedule, on_delete=models.CASCADE, related_name="runs"
    )
    period_start = models.DateTimeField()
    campaign = models.ForeignKey(Campaign, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta(WorkItem.Meta):
        indexes: ClassVar = [
            models.Index(fields=["status", "next_attempt_at"], name="relationship_run_due")
        ]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["schedule", "period_start"], name="one_run_per_schedule_period"
            )
        ]

    def __str__(self) -> str:
        return f"run of {self.schedule} from {self.period_start:%Y-%m-%d}"


class SmsProvider(models.TextChoices):
    TWILIO = "twilio", _("Twilio-compatible REST API")
    HTTP = "http", _("Generic HTTP request")


class SmsSettings(models.Model):
    """A workspace's SMS provider; without a row the OPENNPS_SMS_* settings apply (sms/config.py)."""

    workspace = models.OneToOneField(
        Workspace, on_delete=models.CASCADE, related_name="sms_settings"
    )
    provider = models.CharField(max_length=10, choices=SmsProvider.choices)
    sender = models.CharField(_("sender number or name"), max_length=32, blank=True)
    # Twilio-compatible: {base_url}/2010-04-01/Accounts/{account_sid}/Messages.json.
    base_url = models.URLField(_("API base URL"), blank=True)
    account_sid = models.CharField(max_length=100, blank=True)
    auth_token = models.CharField(max_length=200, blank=True)
    # Generic HTTP: the request made per message; {to}, {text} and {sender} are filled in.
    http_url = models.URLField(_("request URL"), blank=True)
    http_method = models.CharField(max_length=6, default="POST")
    http_body_template = models.TextField(_("body template"), blank=True)
    http_content_type = models.CharField(max_length=100, default="application/json")
    http_headers = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return f"{self.provider} SMS for {self.workspace}"
