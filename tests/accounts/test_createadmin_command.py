from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from opennps.accounts.models import Membership, Organisation, Role, User, Workspace


def run(*arguments: str, capsys) -> str:
    call_command("createadmin", *arguments)
    return capsys.readouterr().out


@pytest.mark.django_db
def test_it_creates_the_organisation_the_workspace_and_its_owner(capsys):
    output = run(
        "--email", "Alice@Shop.example", "--password", "long-pass-123", "--workspace", "Shop",
        capsys=capsys,
    )  # fmt: skip
    user = User.objects.get(email="alice@shop.example")
    assert user.check_password("long-pass-123")
    workspace = Workspace.objects.get(name="Shop")
    assert Membership.objects.get(user=user, workspace=workspace).role == Role.OWNER
    assert "alice@shop.example is the owner of workspace 'Shop'" in output


@pytest.mark.django_db
def test_running_it_again_changes_nothing_and_says_so(capsys):
    arguments = (
        "--email",
        "alice@shop.example",
        "--password",
        "long-pass-123",
        "--workspace",
        "Shop",
    )
    run(*arguments, capsys=capsys)
    output = run(*arguments, capsys=capsys)
    assert "Nothing to do" in output
    assert (User.objects.count(), Organisation.objects.count(), Membership.objects.count()) == (
        1,
        1,
        1,
    )


@pytest.mark.django_db
def test_it_never_overwrites_an_existing_password(capsys):
    run(
        "--email",
        "alice@shop.example",
        "--password",
        "first-pass-123",
        "--workspace",
        "Shop",
        capsys=capsys,
    )
    run(
        "--email",
        "alice@shop.example",
        "--password",
        "other-pass-456",
        "--workspace",
        "Shop",
        capsys=capsys,
    )
    assert User.objects.get().check_password("first-pass-123")


@pytest.mark.django_db
def test_it_refuses_an_invalid_email():
    with pytest.raises(CommandError, match="not a valid e-mail address"):
        call_command(
            "createadmin", "--email", "nope", "--password", "x" * 12, "--workspace", "Shop"
        )


def test_production_hashes_passwords_with_argon2():
    import opennps.settings

    assert opennps.settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db
def test_the_owner_password_is_stored_as_argon2_when_configured(settings, capsys):
    import opennps.settings

    settings.PASSWORD_HASHERS = opennps.settings.PASSWORD_HASHERS
    run(
        "--email",
        "alice@shop.example",
        "--password",
        "long-pass-123",
        "--workspace",
        "Shop",
        capsys=capsys,
    )
    assert User.objects.get().password.startswith("argon2")
