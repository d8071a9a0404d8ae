"""API keys on the web page: the secret is shown once, stored nowhere, and keys can be revoked."""

from __future__ import annotations

import re

from django.db import connection

from opennps.accounts.actions.api_keys import api_key_for_secret
from opennps.accounts.models import ApiKey


def keys_url(team) -> str:
    return f"/w/{team.workspace.id}/api-keys/"


def form_token(html: str) -> str:
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


def create(client, team, name: str = "Call centre", scopes=("responses:write", "read")):
    token = form_token(client.get(keys_url(team)).content.decode())
    data = {"name": name, "scopes": list(scopes), "form_token": token}
    return client.post(keys_url(team), data), data


def secret_in(html: str) -> str:
    return re.search(
        r'id="new-key" class="secret" type="text" readonly value="([^"]+)"', html
    ).group(1)


def every_stored_value() -> str:
    """Every row of every table, as text: the secret must not be anywhere in the database."""
    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            dump.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(dump)


def test_the_new_secret_is_shown_once_and_only_its_hash_is_stored(team):
    client = team.client_for(team.alice)
    response, _ = create(client, team)
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    secret = secret_in(html)
    key = ApiKey.objects.get()
    assert api_key_for_secret(secret) == key
    assert key.scopes == ["responses:write", "read"]
    assert key.created_by == team.alice
    assert secret not in every_stored_value()
    assert secret not in client.get(keys_url(team)).content.decode()


def test_sending_the_same_form_again_creates_no_second_key(team):
    client = team.client_for(team.alice)
    _, data = create(client, team)
    again = client.post(keys_url(team), data, follow=True)
    assert ApiKey.objects.count() == 1
    assert "This form was already sent, so no second key was created." in again.content.decode()
    assert 'id="new-key"' not in again.content.decode()


def test_the_list_shows_hint_scopes_and_last_use_and_a_key_can_be_revoked(team):
    client = team.client_for(team.alice)
    response, _ = create(client, team, name="Shop website", scopes=("admin",))
    secret = secret_in(response.content.decode())
    api_key_for_secret(secret)
    html = client.get(keys_url(team)).content.decode()
    key = ApiKey.objects.get()
    assert "<td>Shop website</td>" in html
    assert f"<code>{key.hint}…</code>" in html
    assert "admin" in html
    assert "never" not in html
    client.post(f"{keys_url(team)}{key.id}/revoke/")
    assert api_key_for_secret(secret) is None
    assert "<td>Shop website</td>" not in client.get(keys_url(team)).content.decode()


def test_a_key_needs_a_scope_and_a_name(team):
    client = team.client_for(team.alice)
    response, _ = create(client, team, name="", scopes=())
    assert response.status_code == 400
    assert "Choose at least one scope." in response.content.decode()
    assert not ApiKey.objects.exists()


def test_a_key_of_another_workspace_cannot_be_revoked(team):
    from opennps.accounts.actions.api_keys import create_api_key

    foreign, _ = create_api_key(team.other_workspace, ["read"])
    response = team.client_for(team.alice).post(f"{keys_url(team)}{foreign.id}/revoke/")
    assert response.status_code == 404
    assert ApiKey.objects.get().revoked_at is None
