"""Response webhooks for CRM sync: every event is delivered signed; a failing receiver is retried
with growing pauses, each attempt logged, until it answers 2xx; a delivery can be re-sent."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from opennps.alerts.actions import create_endpoint, resend_delivery
from opennps.alerts.conditions import RuleError
from opennps.alerts.models import WebhookDelivery
from opennps.responses.actions import delete_response, update_followup
from opennps.work.models import WorkStatus
from tests.alerts.conftest import SECRET, run_worker


@pytest.fixture
def endpoint(team, receiver):
    return create_endpoint(
        team.workspace,
        url=receiver.url("/crm"),
        secret=SECRET,
        events=["response.created", "response.updated", "response.deleted"],
    )


def make_due_now(delivery: WebhookDelivery) -> None:
    # Stands in for the clock moving past the backoff.
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


def test_a_failing_receiver_is_retried_with_backoff_and_logged_then_succeeds(
    endpoint, survey, answer, receiver
):
    receiver.statuses = [500]
    response = answer(survey, 9, "Great")

    before = timezone.now()
    run_worker()

    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert delivery.status == WorkStatus.PENDING
    assert delivery.attempts == 1
    assert delivery.status_code == 500
    assert delivery.response_excerpt == "receiver is down for maintenance"
    assert "HTTP 500" in delivery.last_error
    assert delivery.next_attempt_at >= before + timedelta(seconds=30)
    assert len(receiver.requests) == 1

    run_worker()  # not due yet: the receiver is left alone during the pause
    assert len(receiver.requests) == 1

    make_due_now(delivery)
    run_worker()

    delivery.refresh_from_db()
    assert delivery.status == WorkStatus.DONE
    assert delivery.status_code == 200
    assert delivery.delivered_at is not None
    assert [entry["status"] for entry in delivery.attempt_log] == [500, 200]
    first, second = receiver.requests
    assert first.body == second.body  # the body was fixed when it was queued
    assert second.signature_is_valid(SECRET)
    assert second.json() == {"event": "response.created", "response": second.json()["response"]}
    assert second.json()["response"]["id"] == response.pk
    assert second.headers["x-opennps-event"] == "response.created"


def test_the_pause_grows_after_each_failure(endpoint, survey, answer, receiver):
    receiver.statuses = [503, 503]
    answer(survey, 9)
    run_worker()
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    first_pause = delivery.next_attempt_at - timezone.now()

    make_due_now(delivery)
    run_worker()

    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert delivery.next_attempt_at - timezone.now() > first_pause


def test_updates_and_deletes_are_sent_and_a_deleted_response_keeps_its_id(
    endpoint, survey, answer, receiver
):
    response = answer(survey, 4)
    response_id = response.pk
    update_followup(response, comment="Too slow")
    delete_response(response)

    run_worker()

    events = [r.json()["event"] for r in receiver.requests]
    assert sorted(events) == ["response.created", "response.deleted", "response.updated"]
    deleted = next(r.json() for r in receiver.requests if r.json()["event"] == "response.deleted")
    assert deleted["response"]["id"] == response_id
    assert deleted["response"]["score"] == 4
    assert all(r.signature_is_valid(SECRET) for r in receiver.requests)


def test_an_endpoint_gets_only_the_events_it_chose(team, survey, answer, receiver):
    create_endpoint(team.workspace, url=receiver.url(), secret=SECRET, events=["response.deleted"])
    response = answer(survey, 9)
    update_followup(response, comment="Fine")
    run_worker()
    assert receiver.requests == []


def test_a_resent_delivery_posts_the_same_body_again(endpoint, survey, answer, receiver):
    answer(survey, 9)
    run_worker()
    original = WebhookDelivery.objects.get(endpoint=endpoint)

    copy = resend_delivery(original)
    run_worker()

    copy.refresh_from_db()
    assert copy.status == WorkStatus.DONE and copy.resent_from == original
    assert len(receiver.requests) == 2
    assert receiver.requests[0].body == receiver.requests[1].body


@pytest.mark.parametrize("url", ["ftp://example.com/hook", "file:///etc/passwd", "example.com"])
def test_only_http_urls_are_accepted(team, url):
    with pytest.raises(RuleError) as error:
        create_endpoint(team.workspace, url=url, secret=SECRET, events=["response.created"])
    assert error.value.field == "url"


def test_a_receiver_that_is_not_listening_is_retried(team, survey, answer):
    create_endpoint(
        team.workspace, url="http://127.0.0.1:9/nothing", secret=SECRET, events=["response.created"]
    )
    answer(survey, 9)
    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WorkStatus.PENDING
    assert delivery.status_code is None
    assert "refused" in delivery.attempt_log[0]["error"].lower()
