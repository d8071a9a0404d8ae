"""A scheduled report reaches its recipients through the worker and a real SMTP server, with the
period's headline (NPS, interval, n), the change, the trend, the top changes and a link."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from opennps.analytics.dashboard_queries import start_of_local_day as start_of_day
from opennps.analytics.models import SegmentDimension
from opennps.analytics.periods import period_label
from opennps.reports.actions import create_report
from opennps.reports.models import ReportDelivery
from opennps.reports.schedule import due_at, following, latest_due_period, preceding
from opennps.stats import Histogram, compare_independent, summarize
from opennps.work.runner import Worker
from tests.reports.helpers import answer

WEEK_SCORES = [10, 9, 9, 8, 7, 6, 3, 10, 2, 9, 10, 5, 8, 9, 10]
EMAIL_ANSWERS = 35  # top changes need 30 answers on each side


@pytest.fixture
def weeks(shop):
    """Answers in the last finished week and the week before; e-mail turns from love to anger."""
    SegmentDimension.objects.create(workspace=shop.workspace, key="region")
    period = latest_due_period("weekly", timezone.now())
    before = preceding(period, "weekly")
    for week, email_score in ((before, 10), (period, 0)):
        start = start_of_day(week.start)
        for position, score in enumerate(WEEK_SCORES):
            answer(shop.survey, score, created_at=start + timedelta(hours=position * 5))
        for position in range(EMAIL_ANSWERS):
            answer(
                shop.survey,
                email_score,
                channel="email",
                created_at=start + timedelta(days=2, minutes=position),
            )
        for position in range(6):  # a significant swing, but too few people to headline
            answer(
                shop.survey,
                10 - email_score,
                channel="sms",
                attributes={"region": "Tiny"},
                created_at=start + timedelta(days=3, minutes=position),
            )
    answer(shop.other_survey, 0, created_at=start_of_day(period.start) + timedelta(hours=1))
    return shop, period, before


def body(message, kind: str) -> str:
    return message.get_body((kind,)).get_content()


def test_the_report_arrives_once_per_recipient_with_the_right_numbers(weeks, smtp_server):
    shop, period, before = weeks
    create_report(
        shop.workspace,
        shop.alice,
        frequency="weekly",
        recipients=[shop.alice, shop.bob],
        language="en",
        send_latest_now=True,
    )

    Worker().run(until_idle=True)

    messages = smtp_server.inbox.wait_for(2)
    assert sorted(message["To"] for message in messages) == [
        "alice@example.com",
        "bob@example.com",
    ]
    message = messages[0]
    text, html = body(message, "plain"), body(message, "html")
    assert message["Subject"].startswith("Weekly NPS report for Shop: ")
    this_week = Histogram.from_scores(WEEK_SCORES + [0] * EMAIL_ANSWERS + [10] * 6)
    last_week = Histogram.from_scores(WEEK_SCORES + [10] * EMAIL_ANSWERS + [0] * 6)
    summary = summarize(this_week).to_dict()
    headline = (
        f"NPS {summary['nps']} (95% interval {summary['ci_low']} to {summary['ci_high']}), "
        f"n = {summary['n']}."
    )
    assert headline in text
    change = compare_independent(last_week, this_week)
    assert (
        f"Change against the previous period: {round(change.difference, 1):+.1f}, significant"
        in text
    )
    for week, histogram in ((before, last_week), (period, this_week)):
        point = summarize(histogram).to_dict()
        assert f"{period_label(week.start, 'week')}: NPS {point['nps']} " in text
    assert "Channel: E-mail: 100.0 → -100.0 (-200.0, significant" in text
    assert "Tiny" not in text and "SMS" not in text
    link = (
        f"{settings.BASE_URL}/w/{shop.workspace.pk}/dashboard/?from={period.start}&to={period.end}"
    )
    assert link in text
    assert f'href="{link.replace("&", "&amp;")}"' in html
    assert f">{summary['nps']}</span>" in html


def test_running_the_worker_again_sends_nothing_more(weeks, smtp_server):
    shop, period, _ = weeks
    report = create_report(
        shop.workspace,
        shop.alice,
        frequency="weekly",
        recipients=[shop.dana],
        language="en",
        send_latest_now=True,
    )
    Worker().run(until_idle=True)
    assert len(smtp_server.inbox.wait_for(1)) == 1

    Worker().run(until_idle=True)
    Worker().run(until_idle=True)

    assert len(smtp_server.inbox.wait_for(2, seconds=1)) == 1
    sent = ReportDelivery.objects.get(report=report, period_start=period.start)
    assert sent.sent_at is not None and sent.recipient_count == 1
    upcoming = ReportDelivery.objects.get(report=report, sent_at__isnull=True)
    assert upcoming.period_start == following(period, "weekly").start
    assert upcoming.next_attempt_at == due_at(following(period, "weekly"))
    report.refresh_from_db()
    assert report.last_sent_at is not None
    assert report.next_run_at == upcoming.next_attempt_at


def test_the_report_is_written_in_its_language(weeks, smtp_server):
    shop, _, _ = weeks
    create_report(
        shop.workspace,
        shop.alice,
        frequency="weekly",
        recipients=[shop.alice],
        language="ru",
        send_latest_now=True,
    )

    Worker().run(until_idle=True)

    [message] = smtp_server.inbox.wait_for(1)
    html = body(message, "html")
    assert '<html lang="ru">' in html
    nps = summarize(Histogram.from_scores(WEEK_SCORES + [0] * EMAIL_ANSWERS + [10] * 6)).to_dict()[
        "nps"
    ]
    assert f">{str(nps).replace('.', ',')}</span>" in html  # Russian writes a decimal comma
