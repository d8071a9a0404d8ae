"""Personas for team-page tests: alice owns the Shop workspace, dana is its analyst, bob its viewer; charlie owns Other.

Users get no password (force_login), so fixtures do not pay for Argon2 hashing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.test import Client

from opennps.accounts.models import Membership, Organisation, Role, User, Workspace


@dataclass
class Team:
    workspace: Workspace
    other_workspace: Workspace
    alice: User
    bob: User
    dana: User
    charlie: User

    def client_for(self, user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client


def make_team() -> Team:
    organisation = Organisation.objects.create(name="Shop Group")
    shop = Workspace.objects.create(organisation=organisation, name="Shop")
    other = Workspace.objects.create(
        organisation=Organisation.objects.create(name="Other Co"), name="Other"
    )
    people = {}
    for name, workspace, role in [
        ("alice", shop, Role.OWNER),
        ("bob", shop, Role.VIEWER),
        ("dana", shop, Role.ANALYST),
        ("charlie", other, Role.OWNER),
    ]:
        user = User.objects.create_user(f"{name}@example.com", name=name.title())
        Membership.objects.create(user=user, workspace=workspace, role=role)
        people[name] = user
    return Team(workspace=shop, other_workspace=other, **people)
