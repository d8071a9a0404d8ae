from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from opennps.accounts.actions.api_keys import api_key_for_secret
from opennps.accounts.actions.setup import create_admin
from opennps.accounts.models import ApiKey


@pytest.mark.django_db
def test_it_prints_only_the_new_key_and_stores_only_its_hash(capsys):
    create_admin("alice@shop.example", "long-pass-123", "Shop")
    call_command("apikey", "--workspace", "Shop", "--scopes", "read,responses:write,admin")
    printed = capsys.readouterr().out
    assert printed.count("\n") == 1
    secret = printed.strip()
    assert secret.startswith("onps_")
    key = ApiKey.objects.get()
    assert secret not in (key.key_hash, key.hint)
    assert api_key_for_secret(secret) == key
    assert key.scopes == ["responses:write", "read", "admin"]


@pytest.mark.django_db
def test_it_names_the_valid_scopes_when_given_an_unknown_one():
    create_admin("alice@shop.example", "long-pass-123", "Shop")
    with pytest.raises(CommandError, match="Unknown scope write; valid scopes are"):
        call_command("apikey", "--workspace", "Shop", "--scopes", "read,write")


@pytest.mark.django_db
def test_it_lists_known_workspaces_for_an_unknown_name():
    create_admin("alice@shop.example", "long-pass-123", "Shop")
    with pytest.raises(
        CommandError, match=r"No workspace is called 'Shopp'\. Known workspaces: Shop"
    ):
        call_command("apikey", "--workspace", "Shopp")


@pytest.mark.django_db
def test_a_revoked_or_malformed_key_is_not_accepted():
    from opennps.accounts.actions.api_keys import create_api_key, revoke_api_key

    setup = create_admin("alice@shop.example", "long-pass-123", "Shop")
    key, secret = create_api_key(setup.workspace, ["read"])
    revoke_api_key(key)
    assert api_key_for_secret(secret) is None
    assert api_key_for_secret("not-a-key") is None
    assert api_key_for_secret("onps_" + "x" * 500) is None


def test_admin_scope_implies_every_other_scope():
    assert ApiKey(scopes=["admin"]).allows("responses:write")
    assert not ApiKey(scopes=["read"]).allows("responses:write")
