"""End to end: a detractor answers → a case opens and is assigned → a reply reaches the customer's
mailbox → resolved → the re-survey goes out → a better score marks the case recovered."""

from __future__ import annotations

from django.test import Client

from opennps.cases.metrics import loop_metrics
from opennps.cases.models import Case
from opennps.distribution.campaigns import queue_campaign
from tests.cases.conftest import run_worker_until_idle
from tests.distribution.helpers import parts, score_links


def test_a_detractor_is_called_back_resurveyed_and_recovered(
    team, smtp_server, survey, make_contact, case_settings
):
    case_settings.resurvey_after_days = 0
    case_settings.save()
    customer = make_contact(name="Ivan", language="ru")
    queue_campaign(survey, "email")
    run_worker_until_idle()
    (invitation_mail,) = smtp_server.inbox.wait_for(1)
    token = score_links(parts(invitation_mail)[1])[0][0]

    Client().post(f"/r/{token}", {"score": "2"})
    case = Case.objects.get()
    assert (case.status, case.contact, case.nps_class) == ("new", customer, "detractor")
    assert case.assignee == team.alice  # the first case worker of the workspace

    dana = team.client_for(team.dana)
    base = f"/w/{team.workspace.pk}/cases/{case.pk}/"
    page = dana.get(base).content.decode()
    assert "Приносим извинения" in page  # the playbook's reply, in the customer's language
    dana.post(base + "reply", {"subject": "Простите нас", "body": "Иван, мы всё исправим."})
    run_worker_until_idle()
    reply = smtp_server.inbox.wait_for(2)[1]
    assert reply["To"] == customer.email and reply["Subject"] == "Простите нас"
    assert reply["Reply-To"] == team.dana.email
    assert "мы всё исправим" in reply.get_body(preferencelist=("plain",)).get_content()
    case.refresh_from_db()
    assert case.status == "contacted" and case.first_contacted_at is not None

    dana.post(base + "status", {"status": "resolved"})
    case.refresh_from_db()
    assert case.status == "resolved" and case.resurvey_invitation is not None
    run_worker_until_idle()
    resurvey = smtp_server.inbox.wait_for(3)[2]
    assert resurvey["To"] == customer.email
    new_token = score_links(parts(resurvey)[1])[0][0]
    assert new_token != token

    Client().post(f"/r/{new_token}", {"score": "9"})
    case.refresh_from_db()
    assert case.status == "won_back" and case.recovered_at is not None
    assert case.recovery_response.score == 9
    assert Case.objects.count() == 1  # the promoter's answer opens no case of its own
    kinds = list(case.activities.values_list("kind", flat=True))
    assert kinds[:1] == ["opened"] and {"reply", "resurvey", "recovered"} <= set(kinds)
    metrics = loop_metrics(team.workspace.pk)
    assert (metrics.recovery.hits, metrics.recovery.n) == (1, 1)
    assert (metrics.closed_loop.hits, metrics.closed_loop.n) == (1, 1)


def test_a_detractor_revision_of_the_resurvey_undoes_the_recovery(
    team, smtp_server, survey, make_contact, case_settings, answer
):
    case_settings.resurvey_after_days = 0
    case_settings.save()
    customer = make_contact()
    case = answer(1, contact=customer).case
    team.client_for(team.alice).post(
        f"/w/{team.workspace.pk}/cases/{case.pk}/status", {"status": "resolved"}
    )
    run_worker_until_idle()
    token = score_links(parts(smtp_server.inbox.wait_for(1)[0])[1])[0][0]
    browser = Client()
    browser.post(f"/r/{token}", {"score": "8"})
    case.refresh_from_db()
    assert case.status == "won_back"
    browser.post(f"/r/{token}", {"score": "3"})  # changed their mind within the revision window
    case.refresh_from_db()
    assert case.status == "resolved" and case.recovered_at is None


def test_no_resurvey_is_sent_when_the_workspace_does_not_ask_for_one(
    team, survey, make_contact, answer
):
    case = answer(0, contact=make_contact()).case
    team.client_for(team.alice).post(
        f"/w/{team.workspace.pk}/cases/{case.pk}/status", {"status": "resolved"}
    )
    case.refresh_from_db()
    assert case.status == "resolved" and case.resurvey_invitation is None
