"""The demo fills the kiosk, widget, alert, webhook and report pages, and leaves the worker
nothing to do: loading checks no answer against a rule and nothing can post to the internet."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import pytest

from opennps.accounts.models import User, Workspace
from opennps.alerts.conditions import matches
from opennps.alerts.models import (
    AlertCheck,
    AlertDigest,
    AlertMatch,
    AlertRule,
    WebhookDelivery,
    WebhookEndpoint,
)
from opennps.channels_web.kiosk import LOCATION_ATTRIBUTE
from opennps.channels_web.models import Kiosk, WidgetSettings, kiosk_for_token
from opennps.comments.models import AnalysedDriver, AnalysisTask
from opennps.demo.alerting import CRM_TRIAL_LENGTH, CRM_TRIAL_START
from opennps.demo.cast import STORES
from opennps.demo.company import CUSTOMER_WORKSPACE, DEMO_EMAIL, PURCHASE
from opennps.distribution.models import Campaign, Delivery, RelationshipRun
from opennps.reports.models import ReportDelivery, ScheduledReport
from opennps.responses.models import Response
from opennps.surveys.models import Survey
from opennps.work.models import Job

from .helpers import NOW

pytestmark = pytest.mark.django_db

WORK_QUEUES = (
    Delivery,
    RelationshipRun,
    AlertCheck,
    AlertDigest,
    WebhookDelivery,
    AnalysisTask,
    Job,
)


def test_loading_leaves_no_work_but_the_next_monthly_report(demo):
    for queue in WORK_QUEUES:
        assert not queue.objects.exclude(status__in=["done", "failed"]).exists(), queue.__name__
    assert not AlertMatch.objects.exists()
    [waiting] = ReportDelivery.objects.exclude(status="done")
    assert waiting.status == "pending" and waiting.sent_at is None
    assert waiting.next_attempt_at > NOW


def test_every_shop_has_a_kiosk_and_its_kiosk_answers_carry_the_location(demo):
    kiosks = list(Kiosk.objects.select_related("survey"))
    shops = {store for stores in STORES.values() for store in stores}
    kiosk_answers = Response.objects.filter(channel="kiosk")

    assert {kiosk.location for kiosk in kiosks} == shops
    assert all(kiosk.active and kiosk.survey.name == PURCHASE.name for kiosk in kiosks)
    assert all(kiosk_for_token(kiosk.token) == kiosk for kiosk in kiosks)
    assert kiosk_answers.exists()
    for answer in kiosk_answers:
        assert answer.attributes[LOCATION_ATTRIBUTE] == answer.attributes["store"]
        assert answer.contact_id is None and answer.survey.name == PURCHASE.name
    assert {a.attributes[LOCATION_ATTRIBUTE] for a in kiosk_answers} <= shops
    assert not Response.objects.exclude(channel="kiosk").filter(attributes__has_key="location")


def test_the_post_purchase_survey_has_a_widget_for_the_shop(demo):
    widget = WidgetSettings.objects.get()
    assert widget.survey.name == PURCHASE.name and widget.enabled
    assert widget.allowed_origins and all(
        urlsplit(origin).hostname.endswith(".example") for origin in widget.allowed_origins
    )


def _answers_with_drivers():
    drivers: dict[int, set[str]] = {}
    for response_id, driver in AnalysedDriver.objects.values_list("response_id", "driver"):
        drivers.setdefault(response_id, set()).add(driver)
    for response in Response.objects.filter(workspace__name=CUSTOMER_WORKSPACE):
        yield {
            "nps_class": response.nps_class,
            "score": response.score,
            "survey_id": response.survey_id,
            "attributes": response.attributes,
            "comment": response.comment,
            "drivers": sorted(drivers.get(response.pk, ())),
        }


def test_each_alert_rule_watches_for_answers_the_demo_really_has(demo):
    rules = list(AlertRule.objects.filter(workspace__name=CUSTOMER_WORKSPACE))
    answers = list(_answers_with_drivers())

    assert {rule.mode for rule in rules} == {"immediate", "digest"}
    assert any("words" in rule.conditions for rule in rules)
    assert any("drivers" in rule.conditions for rule in rules)
    for rule in rules:
        matched = sum(matches(rule.conditions, answer) for answer in answers)
        assert 0 < matched < len(answers), rule.name
        assert rule.created_at == NOW  # set up after the history: nothing was alerted before


def test_no_alert_or_webhook_can_post_to_a_real_host(demo):
    for rule in AlertRule.objects.all():
        assert rule.email_recipients.exists() or rule.webhook_url
        if rule.enabled:
            assert not rule.webhook_url and not rule.chat_webhook_url
        elif rule.webhook_url:
            assert urlsplit(rule.webhook_url).hostname.endswith(".invalid")
    endpoint = WebhookEndpoint.objects.get()
    assert not endpoint.enabled
    assert urlsplit(endpoint.url).hostname.endswith(".invalid")


def test_the_crm_trial_left_one_delivered_webhook_per_answer_of_its_three_days(demo):
    endpoint = WebhookEndpoint.objects.get()
    started = NOW - CRM_TRIAL_START
    answers = Response.objects.filter(
        workspace=endpoint.workspace,
        created_at__gte=started,
        created_at__lt=started + CRM_TRIAL_LENGTH,
    )
    deliveries = WebhookDelivery.objects.filter(endpoint=endpoint)

    assert endpoint.created_at == started
    assert deliveries.count() == answers.count() > 0
    assert not deliveries.exclude(status="done").exists()
    assert not deliveries.exclude(status_code=200).exists()
    assert deliveries.filter(attempts=2).exists()  # the CRM was busy now and then
    for delivery in deliveries:
        assert len(delivery.attempt_log) == delivery.attempts
        assert (
            delivery.created_at
            <= delivery.delivered_at
            <= delivery.created_at + timedelta(minutes=2)
        )


def test_a_monthly_report_went_out_for_each_of_the_last_months(demo):
    report = ScheduledReport.objects.get()
    sent = list(report.deliveries.filter(status="done").order_by("period_start"))

    assert report.active and report.frequency == "monthly" and report.survey is None
    assert report.recipients.count() == 2
    assert len(sent) == 6
    assert all(delivery.sent_at and delivery.sent_at <= NOW for delivery in sent)
    assert report.last_sent_at == sent[-1].sent_at
    assert report.next_run_at > NOW


def test_the_campaign_alert_kiosk_and_automation_pages_show_the_demo(demo, client):
    workspace = Workspace.objects.get(name=CUSTOMER_WORKSPACE)
    client.force_login(User.objects.get(email=DEMO_EMAIL))
    campaign = Campaign.objects.order_by("pk").last()
    purchase = Survey.objects.get(name=PURCHASE.name)
    relationship = campaign.survey
    base = f"/w/{workspace.pk}"
    expected = {
        f"{base}/campaigns/": [f"#{campaign.pk}", "Relationship NPS", "(n = "],
        f"{base}/campaigns/{campaign.pk}/": ['id="response-rate"', 'data-status="responded"'],
        f"{base}/alerts/": [rule.name for rule in AlertRule.objects.all()],
        f"{base}/alerts/webhooks/": ["crm.aurora.invalid", "HTTP 200", "response.created"],
        f"{base}/kiosks/": ["Almaty Dostyk", "Sofia Vitosha", "/k/"],
        f"{base}/surveys/{purchase.pk}/automation/": ["purchase.completed", "Invitation scheduled"],
        f"{base}/surveys/{relationship.pk}/automation/": ["Every 3 months", "paused"],
        f"{base}/surveys/{purchase.pk}/widget/": ["https://shop.aurora.example"],
        f"{base}/reports/": ["Monthly", "analyst@opennps.local"],
    }
    for url, texts in expected.items():
        page = client.get(url)
        assert page.status_code == 200, url
        content = page.content.decode()
        for text in texts:
            assert text in content, (url, text)
    assert f"{campaign.contacts_count}" in client.get(f"{base}/campaigns/").content.decode()


def test_signing_in_to_the_demo_lands_on_the_customer_dashboard(demo, client):
    client.force_login(User.objects.get(email=DEMO_EMAIL))
    customer = Workspace.objects.get(name=CUSTOMER_WORKSPACE)
    assert client.get("/").url == f"/w/{customer.pk}/dashboard/"
