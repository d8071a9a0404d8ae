"""Workspace scoping: the one place that decides which workspaces a person may see.

Foreign objects answer 404, never 403, so nobody learns that something exists elsewhere.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from opennps.accounts.models import Membership, User, Workspace


def workspaces_for(user: User | AnonymousUser) -> QuerySet[Workspace]:
    if not user.is_authenticated:
        return Workspace.objects.none()
    return Workspace.objects.filter(memberships__user=user).order_by("name")


def membership_or_404(user: User | AnonymousUser, workspace_id: int, ability: str) -> Membership:
    """The user's membership of the workspace if it grants `ability` (view, edit, manage); else 404.

    A member without the ability gets 404 as well for `manage` pages they cannot see in the menu,
    which keeps the rule simple: you see it and may use it, or it does not exist for you.
    """
    if not user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("workspace")
        .filter(user=user, workspace_id=workspace_id)
        .first()
    )
    if membership is None or not membership.can(ability):
        raise Http404
    return membership
