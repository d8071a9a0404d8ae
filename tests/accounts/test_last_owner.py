"""Roles and removal: only owners touch owners, and a workspace always keeps one owner."""

from __future__ import annotations

from opennps.accounts.models import Membership, Role


def membership(team, user) -> Membership:
    return Membership.objects.get(user=user, workspace=team.workspace)


def set_role(client, team, member: Membership, role: str):
    return client.post(
        f"/w/{team.workspace.id}/members/{member.id}/role/", {"role": role}, follow=True
    )


def remove(client, team, member: Membership):
    return client.post(f"/w/{team.workspace.id}/members/{member.id}/remove/", follow=True)


def test_the_last_owner_cannot_be_demoted(team):
    client = team.client_for(team.alice)
    response = set_role(client, team, membership(team, team.alice), "admin")
    assert (
        "A workspace needs at least one owner. Make someone else an owner first."
        in response.content.decode()
    )
    assert membership(team, team.alice).role == Role.OWNER


def test_the_last_owner_cannot_be_removed_or_leave(team):
    client = team.client_for(team.alice)
    response = remove(client, team, membership(team, team.alice))
    assert "A workspace needs at least one owner." in response.content.decode()
    assert membership(team, team.alice).role == Role.OWNER


def test_with_a_second_owner_the_first_may_step_down(team):
    client = team.client_for(team.alice)
    set_role(client, team, membership(team, team.dana), "owner")
    assert membership(team, team.dana).role == Role.OWNER
    set_role(client, team, membership(team, team.alice), "viewer")
    assert membership(team, team.alice).role == Role.VIEWER


def test_an_admin_cannot_make_an_owner_nor_change_or_remove_one(team):
    Membership.objects.filter(user=team.dana).update(role=Role.ADMIN)
    client = team.client_for(team.dana)
    promoted = set_role(client, team, membership(team, team.bob), "owner")
    assert (
        "Only an owner can make someone an owner or change an owner." in promoted.content.decode()
    )
    assert membership(team, team.bob).role == Role.VIEWER
    set_role(client, team, membership(team, team.alice), "viewer")
    remove(client, team, membership(team, team.alice))
    assert membership(team, team.alice).role == Role.OWNER


def test_an_admin_manages_the_other_roles(team):
    Membership.objects.filter(user=team.dana).update(role=Role.ADMIN)
    client = team.client_for(team.dana)
    set_role(client, team, membership(team, team.bob), "analyst")
    assert membership(team, team.bob).role == Role.ANALYST
    remove(client, team, membership(team, team.bob))
    assert not Membership.objects.filter(user=team.bob, workspace=team.workspace).exists()


def test_a_member_of_another_workspace_cannot_be_touched(team):
    foreign = Membership.objects.get(user=team.charlie)
    client = team.client_for(team.alice)
    assert client.post(f"/w/{team.workspace.id}/members/{foreign.id}/remove/").status_code == 404
    assert (
        client.post(
            f"/w/{team.workspace.id}/members/{foreign.id}/role/", {"role": "viewer"}
        ).status_code
        == 404
    )
    assert Membership.objects.get(user=team.charlie).role == Role.OWNER
