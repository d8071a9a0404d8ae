"""Creating, changing and deleting alert rules and webhook endpoints; re-sending a delivery.

The pages and the API both call these, so a rule is checked the same way wherever it comes from:
RuleError names the field that cannot be saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from opennps.accounts.models import User, Workspace
from opennps.alerts.conditions import RuleError, normalise_conditions
from opennps.alerts.models import (
    RESPONSE_EVENTS,
    AlertMode,
    AlertRule,
    WebhookDelivery,
    WebhookEndpoint,
)
from opennps.alerts.webhooks import check_webhook_url, resend
from opennps.comments.models import WatchedTheme
from opennps.comments.taxonomy import driver_labels
from opennps.surveys.models import Survey

MIN_SECRET_LENGTH = 16


@dataclass
class RuleSpec:
    """Everything a rule holds. `webhook_secret` None keeps the stored secret (on edit)."""

    name: str
    conditions: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True
    mode: str = AlertMode.IMMEDIATE
    recipients: list[User] = field(default_factory=list)
    email_account_owner: bool = False
    webhook_url: str = ""
    webhook_secret: str | None = None
    chat_webhook_url: str = ""


def _checked_secret(secret: str, field_name: str) -> str:
    if len(secret) < MIN_SECRET_LENGTH:
        raise RuleError(
            field_name,
            _("Use a secret of at least %(count)s characters.") % {"count": MIN_SECRET_LENGTH},
        )
    return secret


def _check_rule(workspace: Workspace, spec: RuleSpec, current_secret: str = "") -> dict[str, Any]:
    """The rule's fields to store, or RuleError."""
    name = spec.name.strip()
    if not name:
        raise RuleError("name", _("Give the rule a name."))
    if spec.mode not in AlertMode.values:
        raise RuleError("mode", _("Choose immediate or digest."))
    conditions = normalise_conditions(
        spec.conditions,
        Survey.objects.filter(workspace=workspace).values_list("pk", flat=True),
        driver_labels(workspace.pk),
        WatchedTheme.objects.filter(workspace=workspace).values_list("pk", flat=True),
    )
    members = set(
        User.objects.filter(memberships__workspace=workspace).values_list("pk", flat=True)
    )
    if any(user.pk not in members for user in spec.recipients):
        raise RuleError("actions.email", _("Alerts go to members of this workspace only."))
    webhook_url = (
        check_webhook_url(spec.webhook_url, "actions.webhook.url") if spec.webhook_url else ""
    )
    secret = current_secret if spec.webhook_secret is None else spec.webhook_secret
    if webhook_url:
        secret = _checked_secret(secret, "actions.webhook.secret")
    chat_url = (
        check_webhook_url(spec.chat_webhook_url, "actions.chat.url")
        if spec.chat_webhook_url
        else ""
    )
    if not (spec.recipients or spec.email_account_owner or webhook_url or chat_url):
        raise RuleError(
            "actions", _("Choose at least one action: an e-mail, a webhook or a chat message.")
        )
    return {
        "name": name[:200],
        "enabled": spec.enabled,
        "mode": spec.mode,
        "email_account_owner": spec.email_account_owner,
        "conditions": conditions,
        "webhook_url": webhook_url,
        "webhook_secret": secret if webhook_url else "",
        "chat_webhook_url": chat_url,
    }


@transaction.atomic
def create_rule(workspace: Workspace, created_by: User | None, spec: RuleSpec) -> AlertRule:
    fields = _check_rule(workspace, spec)
    rule = AlertRule.objects.create(workspace=workspace, created_by=created_by, **fields)
    rule.email_recipients.set(spec.recipients)
    return rule


@transaction.atomic
def update_rule(rule: AlertRule, spec: RuleSpec) -> AlertRule:
    """Answers that matched before keep their alerts; the new conditions apply from now on."""
    fields = _check_rule(rule.workspace, spec, current_secret=rule.webhook_secret)
    for name, value in fields.items():
        setattr(rule, name, value)
    rule.save()
    rule.email_recipients.set(spec.recipients)
    return rule


def delete_rule(rule: AlertRule) -> None:
    rule.delete()  # its matches, digests and deliveries go with it


def _check_endpoint(url: str, secret: str, events: Iterable[str]) -> tuple[str, str, list[str]]:
    url = check_webhook_url(url, "url")
    secret = _checked_secret(secret, "secret")
    chosen = [event for event in RESPONSE_EVENTS if event in set(events)]
    if not chosen or len(chosen) != len(set(events)):
        raise RuleError(
            "events", _("Choose response.created, response.updated and/or response.deleted.")
        )
    return url, secret, chosen


def create_endpoint(
    workspace: Workspace, *, url: str, secret: str, events: Iterable[str], enabled: bool = True
) -> WebhookEndpoint:
    url, secret, chosen = _check_endpoint(url, secret, events)
    return WebhookEndpoint.objects.create(
        workspace=workspace, url=url, secret=secret, events=chosen, enabled=enabled
    )


def update_endpoint(
    endpoint: WebhookEndpoint,
    *,
    url: str,
    secret: str | None,
    events: Iterable[str],
    enabled: bool = True,
) -> WebhookEndpoint:
    """`secret` None (or empty) keeps the stored one."""
    url, secret, chosen = _check_endpoint(url, secret or endpoint.secret, events)
    endpoint.url, endpoint.secret, endpoint.events, endpoint.enabled = url, secret, chosen, enabled
    endpoint.save()
    return endpoint


def delete_endpoint(endpoint: WebhookEndpoint) -> None:
    endpoint.delete()  # its delivery log goes with it


def resend_delivery(delivery: WebhookDelivery) -> WebhookDelivery:
    """Queue the same body to the same URL again, signed with the current secret."""
    return resend(delivery)
