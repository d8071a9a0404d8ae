"""Which cases an inbox view lists: mine, overdue, unassigned, all; optionally one status."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from opennps.accounts.models import User
from opennps.cases.models import OPEN_STATUSES, Case, CaseStatus

VIEWS = ("mine", "overdue", "unassigned", "all")


def inbox_cases(workspace_id: int, user: User, view: str, status: str = "") -> QuerySet[Case]:
    """Cases of the workspace for `view`, most urgent first (due soonest, then highest priority).

    "mine", "overdue" and "unassigned" list open cases unless a status is asked for; "all" lists
    every case.
    """
    cases = Case.objects.filter(workspace_id=workspace_id).select_related(
        "assignee", "contact", "response", "survey"
    )
    if view == "mine":
        cases = cases.filter(assignee=user)
    elif view == "overdue":
        cases = cases.filter(due_at__lt=timezone.now(), first_contacted_at__isnull=True)
    elif view == "unassigned":
        cases = cases.filter(assignee__isnull=True)
    if status in CaseStatus.values:
        cases = cases.filter(status=status)
    elif view != "all":
        cases = cases.filter(status__in=OPEN_STATUSES)
    return cases.order_by("due_at", "pk")


def view_counts(workspace_id: int, user: User) -> dict[str, int]:
    return {view: inbox_cases(workspace_id, user, view).count() for view in VIEWS}
