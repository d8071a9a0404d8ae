"""Creating the first organisation, workspace and owner (`opennps createadmin`, `make demo`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from opennps.accounts.models import Membership, Organisation, Role, User, Workspace


class WorkspaceLookupError(LookupError):
    """A workspace name that matches none, or more than one, workspace."""


@dataclass(frozen=True)
class AdminSetup:
    user: User
    workspace: Workspace
    created: bool  # False when everything already existed and nothing changed


@transaction.atomic
def create_admin(email: str, password: str, workspace_name: str) -> AdminSetup:
    """Make `email` the owner of the workspace `workspace_name`, creating what is missing.

    Running it again with the same arguments changes nothing. An existing user's password is never
    overwritten here: that is what password reset is for.
    """
    email = email.strip().lower()
    created = False
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=password)
        created = True
    workspace = Workspace.objects.filter(name=workspace_name).first()
    if workspace is None:
        organisation = Organisation.objects.create(name=workspace_name)
        workspace = Workspace.objects.create(organisation=organisation, name=workspace_name)
        created = True
    _, membership_created = Membership.objects.get_or_create(
        user=user, workspace=workspace, defaults={"role": Role.OWNER}
    )
    return AdminSetup(user=user, workspace=workspace, created=created or membership_created)


def workspace_named(name: str) -> Workspace:
    """The one workspace called `name`, or a WorkspaceLookupError saying what to do instead."""
    matches = list(Workspace.objects.filter(name=name)[:2])
    if not matches:
        known = ", ".join(Workspace.objects.order_by("name").values_list("name", flat=True)[:20])
        raise WorkspaceLookupError(
            f"No workspace is called {name!r}. Known workspaces: {known or 'none yet'}."
        )
    if len(matches) > 1:
        raise WorkspaceLookupError(
            f"More than one workspace is called {name!r}; rename one of them first."
        )
    return matches[0]
