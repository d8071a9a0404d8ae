"""An Idempotency-Key makes a retried create return the first result instead of a second row."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client

from opennps.accounts.actions.api_keys import create_api_key
from opennps.api.idempotency import create_or_replay, fingerprint
from opennps.responses.actions import Answer, create_response
from opennps.responses.models import IdempotencyKey, Response
from opennps.surveys.actions import create_survey


def _post(api, survey, body, key):
    return api.post(
        f"/api/v1/surveys/{survey.pk}/responses", body, headers={"Idempotency-Key": key}
    )


@pytest.mark.django_db
def test_a_retry_with_the_same_key_returns_the_first_response_and_stores_one_row(admin_a, survey_a):
    body = {"score": 4, "comment": "Rude agent", "attributes": {"agent": "olga"}}
    first = _post(admin_a, survey_a, body, "call-7781")
    retry = _post(admin_a, survey_a, body, "call-7781")
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert "Idempotent-Replayed" not in first
    assert retry["Idempotent-Replayed"] == "true"
    assert Response.objects.count() == 1
    assert IdempotencyKey.objects.get().response_id == first.json()["id"]


@pytest.mark.django_db
def test_the_same_body_in_another_key_order_counts_as_the_same_request(admin_a, survey_a):
    first = _post(admin_a, survey_a, '{"score": 9, "comment": "Great"}', "k1")
    retry = _post(admin_a, survey_a, '{ "comment": "Great",\n "score": 9 }', "k1")
    assert retry.json()["id"] == first.json()["id"]
    assert Response.objects.count() == 1


@pytest.mark.django_db
def test_the_same_key_with_a_different_body_is_refused(admin_a, survey_a):
    _post(admin_a, survey_a, {"score": 9}, "k1")
    refused = _post(admin_a, survey_a, {"score": 3}, "k1")
    assert refused.status_code == 422
    error = refused.json()["errors"][0]
    assert error["field"] == "header.Idempotency-Key"
    assert "different request" in error["message"]
    assert Response.objects.get().score == 9


@pytest.mark.django_db
def test_the_same_key_on_another_survey_is_a_different_request(admin_a, survey_a, enps_a):
    _post(admin_a, survey_a, {"score": 9}, "k1")
    assert _post(admin_a, enps_a, {"score": 9}, "k1").status_code == 422
    assert Response.objects.count() == 1


@pytest.mark.django_db
def test_keys_are_per_workspace(admin_a, admin_b, survey_a, workspace_b):
    survey_b = create_survey(workspace_b, name="Globex NPS", brand="Globex")
    a = _post(admin_a, survey_a, {"score": 9}, "shared-key")
    b = _post(admin_b, survey_b, {"score": 9}, "shared-key")
    assert a.status_code == b.status_code == 201
    assert a.json()["id"] != b.json()["id"]
    assert "Idempotent-Replayed" not in b


@pytest.mark.django_db
def test_without_a_key_every_post_is_a_new_response(admin_a, survey_a):
    admin_a.post(f"/api/v1/surveys/{survey_a.pk}/responses", {"score": 9})
    admin_a.post(f"/api/v1/surveys/{survey_a.pk}/responses", {"score": 9})
    assert Response.objects.count() == 2


@pytest.mark.django_db
def test_a_key_over_200_characters_is_refused(admin_a, survey_a):
    refused = _post(admin_a, survey_a, {"score": 9}, "k" * 201)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "header.Idempotency-Key"


@pytest.mark.django_db
def test_a_request_that_loses_the_race_replays_the_winner(survey_a):
    # Two requests with the same key both miss the first lookup; the second to insert the key
    # hits the unique constraint, its response row is rolled back and the winner's is returned.
    def store() -> Response:
        return create_response(survey_a, Answer(score=9, channel="api"))

    request_fingerprint = fingerprint({"score": 9})
    winner = create_or_replay(survey_a.workspace_id, "race", request_fingerprint, store)
    loser = create_or_replay(survey_a.workspace_id, "race", request_fingerprint, store)
    assert not winner.replayed
    assert loser.replayed
    assert loser.response.pk == winner.response.pk
    assert Response.objects.count() == 1


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_simultaneous_posts_with_one_key_store_one_response(workspace_a, survey_a):
    _key, secret = create_api_key(workspace_a, ["responses:write"])
    start = threading.Barrier(4)
    results: list[tuple[int, int]] = []

    def post() -> None:
        try:
            start.wait()
            response = Client().post(
                f"/api/v1/surveys/{survey_a.pk}/responses",
                {"score": 10, "comment": "Same call"},
                content_type="application/json",
                headers={"X-Api-Key": secret, "Idempotency-Key": "call-1"},
            )
            results.append((response.status_code, response.json()["id"]))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [status for status, _ in results] == [201] * 4
    assert len({response_id for _, response_id in results}) == 1
    assert Response.objects.count() == 1


@pytest.mark.django_db
def test_a_retry_is_replayed_even_after_the_survey_was_closed(admin_a, survey_a):
    first = _post(admin_a, survey_a, {"score": 6}, "k1")
    admin_a.patch(f"/api/v1/surveys/{survey_a.pk}", {"status": "closed"})
    retry = _post(admin_a, survey_a, {"score": 6}, "k1")
    assert retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"]
    assert _post(admin_a, survey_a, {"score": 6}, "k2").status_code == 409
