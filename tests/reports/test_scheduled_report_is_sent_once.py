"""A period goes out once: a second worker, a retried handler or a second scheduling cannot send it
again, because the (report, period) delivery row is unique and its sent mark is set atomically."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection
from django.utils import timezone

from opennps.accounts.models import Membership
from opennps.reports.actions import create_report, queue_delivery, update_report
from opennps.reports.delivery import deliver_report
from opennps.reports.models import ReportDelivery
from opennps.reports.schedule import latest_due_period
from opennps.work.email import EMAIL_JOB
from opennps.work.models import Job
from opennps.work.runner import Worker
from tests.reports.helpers import answer, make_shop


@pytest.fixture
def report(shop):
    answer(shop.survey, 9, created_at=timezone.now() - timedelta(days=40))
    return create_report(
        shop.workspace,
        shop.alice,
        frequency="monthly",
        recipients=[shop.alice, shop.dana],
        language="en",
        send_latest_now=True,
    )


def emails() -> list[Job]:
    return list(Job.objects.filter(kind=EMAIL_JOB).order_by("pk"))


def due_delivery(report) -> ReportDelivery:
    period = latest_due_period("monthly", timezone.now())
    return ReportDelivery.objects.get(report=report, period_start=period.start)


def test_handling_the_same_delivery_twice_queues_its_mail_once(report):
    delivery = due_delivery(report)

    deliver_report(delivery)
    deliver_report(delivery)  # e.g. a second worker after the first one's lease ran out

    assert sorted(job.payload["to"][0] for job in emails()) == [
        "alice@example.com",
        "dana@example.com",
    ]


def test_a_period_can_be_queued_only_once(report):
    delivery = due_delivery(report)
    period = latest_due_period("monthly", timezone.now())

    again = queue_delivery(report, period)

    assert again.pk == delivery.pk
    with pytest.raises(IntegrityError):
        ReportDelivery.objects.create(
            report=report, period_start=period.start, period_end=period.end
        )


def test_each_run_keeps_exactly_one_upcoming_delivery(report):
    Worker().run(until_idle=True)
    Worker().run(until_idle=True)

    pending = ReportDelivery.objects.filter(report=report, sent_at__isnull=True)
    assert pending.count() == 1
    assert pending.get().next_attempt_at > timezone.now()
    assert ReportDelivery.objects.filter(report=report, sent_at__isnull=False).count() == 1


def test_a_member_who_left_gets_nothing(report, shop):
    Membership.objects.filter(user=shop.dana, workspace=shop.workspace).delete()

    deliver_report(due_delivery(report))

    assert [job.payload["to"] for job in emails()] == [["alice@example.com"]]


def test_a_paused_report_sends_nothing_and_waits(report, shop):
    update_report(report, frequency="monthly", recipients=[shop.alice], language="en", active=False)

    Worker().run(until_idle=True)

    assert emails() == []
    assert not ReportDelivery.objects.filter(report=report, sent_at__isnull=True).exists()
    report.refresh_from_db()
    assert report.next_run_at is None


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_workers_handling_one_delivery_at_the_same_moment_send_it_once():
    shop = make_shop()
    answer(shop.survey, 9, created_at=timezone.now() - timedelta(days=40))
    report = create_report(
        shop.workspace,
        shop.alice,
        frequency="monthly",
        recipients=[shop.alice],
        language="en",
        send_latest_now=True,
    )
    delivery = due_delivery(report)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            start.wait()
            deliver_report(delivery)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(emails()) == 1
    assert ReportDelivery.objects.filter(report=report).count() == 2  # this period and the next
