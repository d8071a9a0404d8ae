"""Event triggers: an event arrives, each matching rule schedules one invitation (or says why not).

Every event is stored with the outcome of every rule for its name, so "why did this customer
get no survey?" has an answer: no rule, conditions not met, unreachable on every channel, or the
invitation's own later status (throttled, expired, sent). The worker sends the invitation when it
is due and applies the throttling ledger then (sending.py): deferred or dropped per the
workspace's settings, and marked throttled either way.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opennps.accounts.models import Workspace
from opennps.contacts import actions as contacts_actions
from opennps.contacts.models import Contact
from opennps.distribution.models import (
    Channel,
    Delivery,
    Event,
    Invitation,
    InvitationStatus,
    TriggerRule,
)
from opennps.distribution.models_automation import EventOutcome
from opennps.distribution.sms.providers import sms_configured
from opennps.distribution.tokens import new_seed, token_hash_from_seed
from opennps.surveys.models import SurveyStatus

OPERATORS = ("equals", "in", "exists")


class TriggerError(ValueError):
    """A rule or event that cannot be used; `field` names the input, the message says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class IdempotencyKeyReused(TriggerError):
    def __init__(self) -> None:
        super().__init__(
            "header.Idempotency-Key",
            _("This Idempotency-Key was used with a different event; use a new key."),
        )


def parse_conditions(text: str) -> list[dict[str, Any]]:
    """One condition per line: `plan = pro`, `country in DE|AT`, `ticket_id exists`."""
    conditions: list[dict[str, Any]] = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        words = line.split(None, 2)
        if len(words) == 2 and words[1].lower() == "exists":
            conditions.append({"property": words[0], "op": "exists"})
        elif len(words) == 3 and words[1].lower() == "in":
            values = [value.strip() for value in words[2].split("|") if value.strip()]
            conditions.append({"property": words[0], "op": "in", "value": values})
        elif "=" in line:
            name, _sep, value = line.partition("=")
            if not name.strip():
                raise TriggerError(
                    "conditions", _("Line %(n)s has no property name.") % {"n": number}
                )
            conditions.append({"property": name.strip(), "op": "equals", "value": value.strip()})
        else:
            raise TriggerError(
                "conditions",
                _(
                    "Line %(n)s is not a condition; write `name = value`, `name in a|b` or "
                    "`name exists`."
                )
                % {"n": number},
            )
    return conditions


def conditions_text(conditions: list[dict[str, Any]]) -> str:
    lines = []
    for condition in conditions:
        if condition["op"] == "exists":
            lines.append(f"{condition['property']} exists")
        elif condition["op"] == "in":
            lines.append(f"{condition['property']} in {'|'.join(map(str, condition['value']))}")
        else:
            lines.append(f"{condition['property']} = {condition['value']}")
    return "\n".join(lines)


def _same(actual: Any, expected: Any) -> bool:
    # Properties arrive as JSON (numbers, booleans); conditions are typed as text in a form.
    if isinstance(actual, bool):
        return str(actual).lower() == str(expected).strip().lower()
    return str(actual) == str(expected)


def conditions_met(conditions: list[dict[str, Any]], properties: dict[str, Any]) -> bool:
    """Whether every condition holds for the event's properties."""
    for condition in conditions:
        name, op = condition.get("property"), condition.get("op")
        if name not in properties:
            return False
        actual = properties[name]
        if op == "equals" and not _same(actual, condition.get("value")):
            return False
        if op == "in" and not any(_same(actual, value) for value in condition.get("value", [])):
            return False
    return True


def _channel_for(rule: TriggerRule, contact: Contact) -> str | None:
    for channel in rule.channels:
        if channel == Channel.EMAIL and contact.email and contact.may_receive("email"):
            return channel
        if (
            channel == Channel.SMS
            and contact.phone
            and contact.may_receive("sms")
            and sms_configured(rule.workspace_id)
        ):
            return channel
    return None


def apply_rule(rule: TriggerRule, contact: Contact, event: Event) -> dict[str, Any]:
    """What `rule` does with `event`: schedules an invitation or names the reason it does not."""
    outcome: dict[str, Any] = {"rule": rule.pk, "survey": rule.survey_id, "invitation": None}
    if rule.survey.status != SurveyStatus.ACTIVE:
        return outcome | {"outcome": EventOutcome.SURVEY_INACTIVE.value}
    if not conditions_met(rule.conditions, event.properties):
        return outcome | {"outcome": EventOutcome.CONDITIONS_NOT_MET.value}
    channel = _channel_for(rule, contact)
    if channel is None:
        return outcome | {"outcome": EventOutcome.UNREACHABLE.value}
    waiting = Invitation.objects.filter(
        survey=rule.survey,
        contact=contact,
        campaign__isnull=True,
        status__in=[InvitationStatus.QUEUED, InvitationStatus.THROTTLED],
        sent_at__isnull=True,
    ).first()
    if waiting is not None:
        return outcome | {"outcome": EventOutcome.ALREADY_INVITED.value, "invitation": waiting.pk}
    due = max(
        event.occurred_at + timedelta(days=rule.delay_days, hours=rule.delay_hours),
        timezone.now(),
    )
    seed = new_seed()
    invitation = Invitation.objects.create(
        workspace_id=rule.workspace_id,
        survey=rule.survey,
        contact=contact,
        channel=channel,
        token_seed=seed,
        token_hash=token_hash_from_seed(seed),
        expires_at=due + timedelta(days=rule.expires_after_days)
        if rule.expires_after_days
        else None,
    )
    Delivery.objects.create(invitation=invitation, next_attempt_at=due)
    return outcome | {
        "outcome": EventOutcome.SCHEDULED.value,
        "invitation": invitation.pk,
        "channel": channel,
        "due_at": due.isoformat(),
    }


def _store(
    workspace: Workspace,
    contact: Contact,
    name: str,
    properties: dict[str, Any],
    occurred_at: datetime,
    key: str,
    fingerprint: str,
) -> Event:
    event = Event.objects.create(
        workspace=workspace,
        contact=contact,
        name=name,
        properties=properties,
        occurred_at=occurred_at,
        idempotency_key=key,
        request_fingerprint=fingerprint,
    )
    rules = TriggerRule.objects.filter(
        workspace=workspace, event_name=name, active=True
    ).select_related("survey")
    outcomes = [apply_rule(rule, contact, event) for rule in rules.order_by("pk")]
    event.outcomes = outcomes or [{"outcome": EventOutcome.NO_RULE.value}]
    event.save(update_fields=["outcomes"])
    return event


def record_event(
    workspace: Workspace,
    contact: Contact,
    name: str,
    properties: dict[str, Any] | None = None,
    occurred_at: datetime | None = None,
    *,
    idempotency_key: str = "",
    fingerprint: str = "",
) -> tuple[Event, bool]:
    """Store the event and apply every active rule for its name; (event, replayed).

    With an idempotency key used before for the same request, the first event is returned and
    nothing new is scheduled; used before for a different request, IdempotencyKeyReused.
    """
    properties = properties or {}
    occurred_at = occurred_at or timezone.now()
    if idempotency_key:
        earlier = Event.objects.filter(workspace=workspace, idempotency_key=idempotency_key).first()
        if earlier is not None:
            if earlier.request_fingerprint != fingerprint:
                raise IdempotencyKeyReused
            return earlier, True
    try:
        with transaction.atomic():
            event = _store(
                workspace, contact, name, properties, occurred_at, idempotency_key, fingerprint
            )
    except IntegrityError:
        earlier = Event.objects.filter(workspace=workspace, idempotency_key=idempotency_key).first()
        if not idempotency_key or earlier is None:
            raise
        if earlier.request_fingerprint != fingerprint:
            raise IdempotencyKeyReused from None
        return earlier, True
    return event, False


def find_contact(workspace: Workspace, reference: str) -> Contact | None:
    """The contact an event names: an e-mail address (has "@"), else an external id."""
    reference = reference.strip()
    if "@" in reference:
        found = contacts_actions.find_contact(workspace, email=reference)
        if found is not None:
            return found
    return contacts_actions.find_contact(workspace, external_id=reference)
