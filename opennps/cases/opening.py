"""Opening cases: the response listener, the assignee (account owner or round-robin), the
priority (account value or segment) and the due date (the workspace's SLA)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone

from opennps.accounts.models import Role, User
from opennps.cases.models import (
    ActivityKind,
    Case,
    CaseActivity,
    CaseSettings,
    Priority,
)
from opennps.responses.events import ResponseEvent
from opennps.responses.models import Response

# Members who work cases; viewers only look.
CASE_ROLES = (Role.OWNER, Role.ADMIN, Role.ANALYST)
# Where the account owner's e-mail is kept in contacts.Account.attributes (Account has no field).
ACCOUNT_OWNER_KEYS = ("owner", "account_owner", "owner_email")


def settings_for(workspace_id: int) -> CaseSettings:
    """The workspace's case settings, or the defaults (unsaved) when it has none."""
    found = CaseSettings.objects.filter(workspace_id=workspace_id).first()
    return found or CaseSettings(workspace_id=workspace_id)


# Every class classes_with_cases() can name, whatever the settings.
ALL_CLASSES_WITH_CASES = ("detractor", "passive")


def classes_with_cases(rules: CaseSettings) -> tuple[str, ...]:
    return ("detractor", "passive") if rules.open_for_passives else ("detractor",)


def on_response_event(response: Response, event: ResponseEvent, changed: frozenset[str]) -> None:
    """Open a case for a new critic, or for an answer whose new score makes it one.

    Runs inside the response's transaction; it only writes rows. At most one case per response.
    """
    from opennps.cases.recovery import note_resurvey_answer

    if event == ResponseEvent.DELETED:
        return
    if event == ResponseEvent.UPDATED and "score" not in changed:
        return
    note_resurvey_answer(response)
    if response.nps_class not in ALL_CLASSES_WITH_CASES:
        return  # a promoter never opens a case: spare every promoter's answer the settings query
    rules = settings_for(response.workspace_id)
    if response.nps_class not in classes_with_cases(rules):
        return
    # A response just created has no case yet; only a revised one may have one already.
    if event == ResponseEvent.UPDATED and Case.objects.filter(response=response).exists():
        return
    open_case(response, rules)


def open_case(response: Response, rules: CaseSettings | None = None) -> Case:
    rules = rules or settings_for(response.workspace_id)
    now = timezone.now()
    contact = None if response.survey.is_anonymous else response.contact
    case = Case.objects.create(
        workspace_id=response.workspace_id,
        response=response,
        survey_id=response.survey_id,
        contact=contact,
        nps_class=response.nps_class,
        assignee=choose_assignee(response.workspace_id, contact),
        priority=choose_priority(response, contact, rules),
        opened_at=now,
        due_at=now + timedelta(hours=rules.sla_hours),
    )
    CaseActivity.objects.create(
        case=case,
        kind=ActivityKind.OPENED,
        at=now,
        detail={"assignee": case.assignee.email if case.assignee else None},
    )
    return case


def case_workers(workspace_id: int) -> list[User]:
    """Members who may be assigned cases, in a stable order (the round-robin's order)."""
    return list(
        User.objects.filter(
            memberships__workspace_id=workspace_id,
            memberships__role__in=CASE_ROLES,
            is_active=True,
        ).order_by("memberships__created_at", "pk")
    )


def choose_assignee(workspace_id: int, contact: Any) -> User | None:
    """The contact's account owner when that is a member who works cases, else the member after
    the one who got the workspace's previous case (round-robin)."""
    workers = case_workers(workspace_id)
    if not workers:
        return None
    owner = account_owner(contact, workers)
    if owner is not None:
        return owner
    previous = (
        Case.objects.filter(workspace_id=workspace_id, assignee__in=workers)
        .order_by("-opened_at", "-pk")
        .values_list("assignee_id", flat=True)
        .first()
    )
    ids = [worker.pk for worker in workers]
    if previous is None:
        return workers[0]
    return workers[(ids.index(previous) + 1) % len(workers)]


def account_owner(contact: Any, candidates: Iterable[User]) -> User | None:
    """The contact's account owner among `candidates`, or None.

    The owner is the e-mail in the first of the account's attributes `owner`, `account_owner`,
    `owner_email` that is filled in; it counts only when it is one of `candidates` (a member who
    works cases, for the assignee; an active member of the workspace, for alert e-mails). Shared
    by case assignment and the alerts' "e-mail the account owner" action.
    """
    account = getattr(contact, "account", None) if contact is not None else None
    if account is None:
        return None
    for key in ACCOUNT_OWNER_KEYS:
        email = str(account.attributes.get(key) or "").strip().lower()
        if email:
            return next((user for user in candidates if user.email.lower() == email), None)
    return None


def choose_priority(response: Response, contact: Any, rules: CaseSettings) -> str:
    """Urgent or high from the account's value; else the priority of a matching segment; else
    normal for detractors and low for passives."""
    value = _account_value(response, contact, rules.priority_attribute)
    if value is not None:
        if value >= rules.urgent_value_from:
            return Priority.URGENT
        if value >= rules.high_value_from:
            return Priority.HIGH
    attributes = _attributes(response, contact)
    for segment, priority in (rules.priority_segments or {}).items():
        name, _sep, wanted = str(segment).partition("=")
        if priority in Priority.values and str(attributes.get(name.strip(), "")) == wanted.strip():
            return priority
    return Priority.NORMAL if response.nps_class == "detractor" else Priority.LOW


def _attributes(response: Response, contact: Any) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    account = getattr(contact, "account", None) if contact is not None else None
    if account is not None:
        merged |= account.attributes
    if contact is not None:
        merged |= contact.attributes
    return merged | (response.attributes or {})


def _account_value(response: Response, contact: Any, attribute: str) -> Decimal | None:
    raw = _attributes(response, contact).get(attribute)
    if raw is None or isinstance(raw, bool):
        return None
    try:
        return Decimal(str(raw).replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None
