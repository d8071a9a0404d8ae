"""/api/v1/alert-rules: create, list, read and delete alert rules (opennps/alerts)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from opennps.accounts.models import User
from opennps.alerts.actions import RuleSpec, create_rule, delete_rule
from opennps.alerts.conditions import RuleError
from opennps.alerts.models import AlertRule
from opennps.api.auth import ADMIN, READ, workspace, workspace_id
from opennps.api.errors import ApiError
from opennps.api.schemas.alerts import AlertRuleIn, AlertRuleListOut, AlertRuleOut

router = Router(tags=["alerts"])


def rule_json(rule: AlertRule) -> dict[str, Any]:
    recipients = sorted(user.email for user in rule.email_recipients.all())
    email: dict[str, Any] | None = {"to": recipients} if recipients else None
    if rule.email_account_owner:
        email = {"to": recipients, "account_owner": True}
    return {
        "id": rule.pk,
        "name": rule.name,
        "enabled": rule.enabled,
        "mode": rule.mode,
        "conditions": rule.conditions,
        "actions": {
            "email": email,
            "webhook": {"url": rule.webhook_url} if rule.webhook_url else None,
            "chat": {"url": rule.chat_webhook_url} if rule.chat_webhook_url else None,
        },
        "created_at": rule.created_at,
        "updated_at": rule.updated_at,
    }


def rule_or_404(request: HttpRequest, rule_id: int) -> AlertRule:
    rule = AlertRule.objects.filter(workspace_id=workspace_id(request), pk=rule_id).first()
    if rule is None:
        raise Http404
    return rule


def _recipients(request: HttpRequest, addresses: list[str]) -> list[User]:
    wanted = {address.strip().lower() for address in addresses}
    members = list(User.objects.filter(memberships__workspace_id=workspace_id(request)))
    found = [user for user in members if user.email.lower() in wanted]
    missing = wanted - {user.email.lower() for user in found}
    if missing:
        raise ApiError(
            422,
            _("Not a member of this workspace: %(addresses)s.")
            % {"addresses": ", ".join(sorted(missing))},
            "body.actions.email.to",
        )
    return found


def _spec(request: HttpRequest, payload: AlertRuleIn) -> RuleSpec:
    actions = payload.actions
    return RuleSpec(
        name=payload.name,
        enabled=payload.enabled,
        mode=payload.mode,
        conditions=payload.conditions.model_dump(by_alias=True, exclude_none=True),
        recipients=_recipients(request, actions.email.to) if actions.email else [],
        email_account_owner=bool(actions.email and actions.email.account_owner),
        webhook_url=actions.webhook.url if actions.webhook else "",
        webhook_secret=actions.webhook.secret if actions.webhook else "",
        chat_webhook_url=actions.chat.url if actions.chat else "",
    )


@router.post("", response={201: AlertRuleOut}, auth=ADMIN, summary="Create an alert rule")
def create(request: HttpRequest, payload: AlertRuleIn) -> Status:
    """Create a rule; from now on, answers that meet its conditions trigger its actions (at most
    once per answer). Needs the `admin` scope."""
    try:
        rule = create_rule(workspace(request), None, _spec(request, payload))
    except RuleError as error:
        raise ApiError(422, error.message, f"body.{error.field}") from error
    return Status(201, rule_json(rule))


@router.get("", response=AlertRuleListOut, auth=READ, summary="List alert rules")
def list_rules(request: HttpRequest) -> dict[str, Any]:
    rules = AlertRule.objects.filter(workspace_id=workspace_id(request)).prefetch_related(
        "email_recipients"
    )
    return {"items": [rule_json(rule) for rule in rules]}


@router.get("/{int:rule_id}", response=AlertRuleOut, auth=READ, summary="Read an alert rule")
def read(request: HttpRequest, rule_id: int) -> dict[str, Any]:
    return rule_json(rule_or_404(request, rule_id))


@router.delete("/{int:rule_id}", response={204: None}, auth=ADMIN, summary="Delete an alert rule")
def delete(request: HttpRequest, rule_id: int) -> Status:
    """Delete the rule and its history of matches. Needs the `admin` scope."""
    delete_rule(rule_or_404(request, rule_id))
    return Status(204, None)
