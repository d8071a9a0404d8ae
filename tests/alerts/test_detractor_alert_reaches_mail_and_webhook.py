"""End to end: a detractor answers, the worker runs once, and the people and machines the rule names
are told: the e-mail reaches a real SMTP server, the signed webhook a real HTTP receiver."""

from __future__ import annotations

import pytest

from opennps.alerts.actions import RuleSpec, create_rule
from opennps.alerts.models import AlertMatch, WebhookDelivery
from opennps.responses.actions import update_followup, update_score
from tests.alerts.conftest import SECRET, make_survey, run_worker


@pytest.fixture
def detractor_rule(team, survey, receiver):
    return create_rule(
        team.workspace,
        team.alice,
        RuleSpec(
            name="Detractors",
            conditions={"class": ["detractor"], "survey": [survey.pk]},
            recipients=[team.alice, team.dana],
            webhook_url=receiver.url("/alert"),
            webhook_secret=SECRET,
            chat_webhook_url=receiver.url("/chat"),
        ),
    )


def test_a_detractors_alert_reaches_the_mail_server_and_a_signed_webhook(
    detractor_rule, survey, contact, answer, smtp_server, receiver
):
    response = answer(survey, 3, "Delivery took three weeks", contact=contact)

    run_worker()

    mails = smtp_server.inbox.wait_for(2)
    assert sorted(mail["To"] for mail in mails) == ["alice@example.com", "dana@example.com"]
    mail = mails[0]
    assert "Detractors" in mail["Subject"] and "3" in mail["Subject"]
    text = mail.get_content()
    assert "Delivery took three weeks" in text
    assert "Olga Petrova <olga@example.com>" in text
    assert "Globex Ltd" in text

    [alert] = [r for r in receiver.requests if r.path == "/alert"]
    assert alert.signature_is_valid(SECRET)
    assert not alert.signature_is_valid("another-secret-of-some-length")
    body = alert.json()
    assert body["event"] == "alert"
    assert body["rule"]["name"] == "Detractors"
    assert body["response"]["id"] == response.pk
    assert body["response"]["score"] == 3
    assert body["response"]["contact"]["email"] == "olga@example.com"

    [chat] = [r for r in receiver.requests if r.path == "/chat"]
    assert "Delivery took three weeks" in chat.json()["text"]
    assert set(chat.json()) == {"text"}


def test_a_promoter_does_not_trigger_a_detractor_rule(
    detractor_rule, survey, answer, smtp_server, receiver
):
    answer(survey, 10, "Lovely")

    run_worker()

    assert smtp_server.inbox.messages == []
    assert receiver.requests == []
    assert not AlertMatch.objects.exists()


def test_an_answer_that_changes_is_alerted_about_once(
    detractor_rule, survey, answer, smtp_server, receiver
):
    response = answer(survey, 2)
    run_worker()
    update_followup(response, comment="Still waiting")
    update_score(response, 1)
    run_worker()

    assert len(smtp_server.inbox.wait_for(2)) == 2  # alice and dana, once each
    assert len([r for r in receiver.requests if r.path == "/alert"]) == 1
    assert AlertMatch.objects.filter(rule=detractor_rule, response=response).count() == 1


def test_an_answer_that_becomes_a_detractor_is_alerted_about(
    detractor_rule, survey, answer, smtp_server, receiver
):
    response = answer(survey, 8)
    run_worker()
    assert smtp_server.inbox.messages == []

    update_score(response, 4)
    run_worker()

    assert len(smtp_server.inbox.wait_for(2)) == 2


def test_an_enps_alert_does_not_reveal_who_answered(team, answer, smtp_server, receiver):
    pulse = make_survey(team.workspace, "Team pulse", kind="employee")
    create_rule(
        team.workspace,
        team.alice,
        RuleSpec(
            name="Unhappy staff",
            conditions={"class": "detractor"},
            recipients=[team.alice],
            webhook_url=receiver.url(),
            webhook_secret=SECRET,
        ),
    )
    answer(pulse, 2, "Too much overtime", attributes={"department": "Sales"})

    run_worker()

    [mail] = smtp_server.inbox.wait_for(1)
    text = mail.get_content()
    assert "Too much overtime" in text
    assert "anonymous" in text
    assert "Sales" not in text and "Contact:" not in text
    [hook] = receiver.requests
    body = hook.json()["response"]
    assert body["anonymous"] is True
    assert "contact" not in body and "attributes" not in body


def test_a_disabled_rule_stays_silent(detractor_rule, survey, answer, smtp_server, receiver):
    detractor_rule.enabled = False
    detractor_rule.save()

    answer(survey, 0)
    run_worker()

    assert smtp_server.inbox.messages == []
    assert not WebhookDelivery.objects.exists()
