"""Analysts and above create, change and delete scheduled reports; recipients are members of the
workspace only; other workspaces' reports do not exist (404)."""

from __future__ import annotations

import pytest
from django.test import Client

from opennps.reports.models import ReportDelivery, ScheduledReport
from opennps.reports.schedule import due_at, next_period_to_send
from tests.reports.helpers import page_text


def form_data(shop, **changes):
    data = {
        "survey": shop.survey.pk,
        "frequency": "monthly",
        "recipients": [shop.alice.pk, shop.bob.pk],
        "language": "ru",
        "active": "on",
    }
    return {**data, **changes}


def test_an_analyst_creates_a_report_and_its_first_delivery_waits_for_the_month_end(shop):
    dana = shop.client_for(shop.dana)

    response = dana.post(shop.url("reports/new/"), form_data(shop))

    assert response.status_code == 302
    report = ScheduledReport.objects.get()
    assert (report.workspace, report.survey, report.frequency, report.language) == (
        shop.workspace,
        shop.survey,
        "monthly",
        "ru",
    )
    assert set(report.recipients.all()) == {shop.alice, shop.bob}
    assert report.created_by == shop.dana
    [delivery] = ReportDelivery.objects.filter(report=report)
    expected = next_period_to_send("monthly", None, delivery.created_at)
    assert (delivery.period_start, delivery.next_attempt_at) == (expected.start, due_at(expected))
    listing = page_text(dana.get(shop.url("reports/")))
    assert "Checkout" in listing and "alice@example.com, bob@example.com" in listing


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"recipients": []}, "Choose at least one member to send it to."),
        ({"recipients": ["{charlie}"]}, "Select a valid choice."),
        ({"survey": "{other_survey}"}, "Select a valid choice."),
        ({"frequency": "daily"}, "Select a valid choice."),
    ],
)
def test_wrong_settings_are_refused_with_the_field_named(shop, changes, message):
    ids = {"charlie": shop.charlie.pk, "other_survey": shop.other_survey.pk}
    filled = {
        key: [v.format(**ids) for v in value] if isinstance(value, list) else value.format(**ids)
        for key, value in changes.items()
    }

    response = shop.client_for(shop.alice).post(shop.url("reports/new/"), form_data(shop, **filled))

    assert response.status_code == 400
    assert message in page_text(response)
    assert not ScheduledReport.objects.exists()


def test_changing_the_frequency_replaces_the_upcoming_delivery(shop):
    alice = shop.client_for(shop.alice)
    alice.post(shop.url("reports/new/"), form_data(shop))
    report = ScheduledReport.objects.get()

    response = alice.post(
        shop.url(f"reports/{report.pk}/"), form_data(shop, frequency="weekly", survey="")
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.frequency, report.survey) == ("weekly", None)
    [delivery] = ReportDelivery.objects.filter(report=report)
    assert delivery.period_start.weekday() == 0  # a Monday: the week's first day
    assert report.next_run_at == delivery.next_attempt_at


def test_a_report_is_deleted_with_a_post_only(shop):
    alice = shop.client_for(shop.alice)
    alice.post(shop.url("reports/new/"), form_data(shop))
    report = ScheduledReport.objects.get()
    url = shop.url(f"reports/{report.pk}/delete/")

    assert alice.get(url).status_code == 405
    assert alice.post(url).status_code == 302
    assert not ScheduledReport.objects.exists()
    assert not ReportDelivery.objects.exists()


def test_another_workspace_cannot_see_or_touch_a_report(shop):
    shop.client_for(shop.alice).post(shop.url("reports/new/"), form_data(shop))
    report = ScheduledReport.objects.get()
    charlie = shop.client_for(shop.charlie)
    theirs = f"/w/{shop.other_workspace.pk}/reports/{report.pk}/"

    assert charlie.get(shop.url(f"reports/{report.pk}/")).status_code == 404
    assert charlie.post(shop.url(f"reports/{report.pk}/delete/")).status_code == 404
    assert charlie.get(theirs).status_code == 404
    assert charlie.post(theirs + "delete/").status_code == 404
    assert ScheduledReport.objects.exists()


def test_forms_need_the_csrf_token(shop):
    client = Client(enforce_csrf_checks=True)
    client.force_login(shop.alice)

    assert client.post(shop.url("reports/new/"), form_data(shop)).status_code == 403
