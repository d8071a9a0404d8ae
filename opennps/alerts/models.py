"""Alert rules and response webhooks: what to watch for, whom to tell, and the rows that do the telling.

Work rows (checks, digests, deliveries) inherit WorkItem, so the worker claims them like any
other work. A match row per (rule, response) is the once-only gate: whatever happens to a
response later, one rule alerts about it at most once.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace
from opennps.responses.models import Response
from opennps.work.models import WorkItem


class AlertMode(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    DIGEST = "digest", _("Daily digest")


class AlertRule(models.Model):
    """Conditions on an answer and what to do when one meets them.

    `conditions` is normalised by opennps.alerts.conditions.normalise_conditions: keys `class`
    (list), `score_min`, `score_max`, `survey` (list of ids), `attributes` (name -> value),
    `words` (list), `drivers` (list of driver keys, any of them) and `themes` (list of ids of the
    workspace's watched themes, opennps.comments.models.WatchedTheme, any of them); a missing key
    places no condition.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="alert_rules")
    name = models.CharField(_("name"), max_length=200)
    enabled = models.BooleanField(_("enabled"), default=True)
    mode = models.CharField(
        _("when"), max_length=10, choices=AlertMode.choices, default=AlertMode.IMMEDIATE
    )
    conditions = models.JSONField(_("conditions"), default=dict, blank=True)
    email_recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("e-mail to"), related_name="+", blank=True
    )
    # Also e-mail the answering contact's account owner (an account attribute, see
    # opennps.cases.opening.account_owner) when that is an active member of the workspace.
    email_account_owner = models.BooleanField(
        _("e-mail the contact's account owner"), default=False
    )
    webhook_url = models.URLField(_("webhook URL"), max_length=500, blank=True)
    # Kept readable: it signs every body. Shown to nobody after it is saved.
    webhook_secret = models.CharField(_("webhook secret"), max_length=200, blank=True)
    chat_webhook_url = models.URLField(_("Slack or Teams webhook URL"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class AlertCheck(WorkItem):
    """A response was written: the worker checks it against the workspace's rules.

    `after_analysis` checks are queued when the comment's analysis is stored; they decide the
    rules with a driver or theme condition, which cannot be decided before the worker has read
    the comment.
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="+")
    after_analysis = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(WorkItem.Meta):
        indexes: ClassVar = [
            models.Index(fields=["status", "next_attempt_at"], name="alert_check_due")
        ]

    def __str__(self) -> str:
        return f"check of response #{self.response_id}"


class AlertDigest(WorkItem):
    """One day's matches of one digest rule, sent as one e-mail the morning after."""

    rule = models.ForeignKey(AlertRule, on_delete=models.CASCADE, related_name="digests")
    day = models.DateField()
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(WorkItem.Meta):
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["rule", "day"], name="one_alert_digest_per_day")
        ]
        indexes: ClassVar = [
            models.Index(fields=["status", "next_attempt_at"], name="alert_digest_due")
        ]

    def __str__(self) -> str:
        return f"digest of rule #{self.rule_id} for {self.day}"


class AlertMatch(models.Model):
    """A response met a rule; unique per (rule, response), so nobody is alerted twice."""

    rule = models.ForeignKey(AlertRule, on_delete=models.CASCADE, related_name="matches")
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="+")
    digest = models.ForeignKey(
        AlertDigest, on_delete=models.SET_NULL, null=True, blank=True, related_name="matches"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["rule", "response"], name="one_alert_per_rule_response")
        ]

    def __str__(self) -> str:
        return f"rule #{self.rule_id} matched response #{self.response_id}"


class WebhookEvent(models.TextChoices):
    RESPONSE_CREATED = "response.created", _("Response created")
    RESPONSE_UPDATED = "response.updated", _("Response updated")
    RESPONSE_DELETED = "response.deleted", _("Response deleted")
    ALERT = "alert", _("Alert")
    CHAT = "alert.chat", _("Alert (chat message)")


RESPONSE_EVENTS = [
    WebhookEvent.RESPONSE_CREATED,
    WebhookEvent.RESPONSE_UPDATED,
    WebhookEvent.RESPONSE_DELETED,
]


class WebhookEndpoint(models.Model):
    """A receiver (a CRM, a data warehouse) of signed JSON for every response event it chose."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(_("secret"), max_length=200)
    events = models.JSONField(_("events"), default=list)
    enabled = models.BooleanField(_("enabled"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["url", "pk"]

    def __str__(self) -> str:
        return self.url


class WebhookDelivery(WorkItem):
    """One POST of one body to one URL, retried with backoff; every attempt is logged.

    The body is serialised when the delivery is queued: a deleted response is gone by the time
    the worker runs, and a re-send must repeat exactly what was sent.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, null=True, blank=True, related_name="deliveries"
    )
    rule = models.ForeignKey(
        AlertRule, on_delete=models.CASCADE, null=True, blank=True, related_name="deliveries"
    )
    event = models.CharField(max_length=30, choices=WebhookEvent.choices)
    url = models.URLField(max_length=500)
    body = models.TextField()
    # Chat messages (Slack, Teams) are not signed: those services would not check a signature.
    signed = models.BooleanField(default=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_excerpt = models.CharField(max_length=500, blank=True)
    attempt_log = models.JSONField(default=list, blank=True)
    resent_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta(WorkItem.Meta):
        ordering: ClassVar = ["-created_at", "-pk"]
        indexes: ClassVar = [
            models.Index(fields=["status", "next_attempt_at"], name="webhook_delivery_due"),
            models.Index(fields=["workspace", "created_at"], name="webhook_delivery_log"),
        ]

    def __str__(self) -> str:
        return f"{self.event} to {self.url} (#{self.pk})"
