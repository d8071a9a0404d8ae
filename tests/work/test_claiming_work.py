from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from opennps.work.claiming import claim, complete, fail, retry_delay
from opennps.work.models import Job, WorkStatus

pytestmark = pytest.mark.django_db


def make_jobs(count: int, **fields) -> list[Job]:
    return [Job.objects.create(kind="test", payload={"i": i}, **fields) for i in range(count)]


def test_a_claim_leases_due_rows_and_counts_an_attempt():
    make_jobs(3)
    claimed = claim(Job, limit=2)
    assert len(claimed) == 2
    assert all(job.status == WorkStatus.RUNNING and job.attempts == 1 for job in claimed)
    assert all(job.lease_until > timezone.now() for job in claimed)


def test_a_leased_row_is_not_claimed_twice():
    make_jobs(3)
    first = {job.pk for job in claim(Job, limit=2)}
    second = {job.pk for job in claim(Job, limit=10)}
    assert len(second) == 1
    assert first.isdisjoint(second)
    assert claim(Job) == []


def test_rows_not_yet_due_wait_for_their_time():
    make_jobs(1, next_attempt_at=timezone.now() + timedelta(minutes=5))
    assert claim(Job) == []


def test_a_dead_workers_row_is_claimed_again_when_its_lease_runs_out():
    make_jobs(1)
    stale = claim(Job)[0]
    Job.objects.filter(pk=stale.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    again = claim(Job)
    assert [job.pk for job in again] == [stale.pk]
    assert again[0].attempts == 2
    # The first worker comes back to life: its outcome must not overwrite the new claim.
    assert complete(stale) is False
    assert complete(again[0]) is True
    assert Job.objects.get().status == WorkStatus.DONE


def test_a_failure_is_retried_later_with_backoff_and_the_error_kept():
    make_jobs(1)
    job = claim(Job)[0]
    before = timezone.now()
    assert fail(job, "SMTP 451 try again")
    job.refresh_from_db()
    assert job.status == WorkStatus.PENDING
    assert job.last_error == "SMTP 451 try again"
    assert job.next_attempt_at >= before + timedelta(seconds=30)
    assert claim(Job) == []


def test_after_the_last_attempt_the_row_fails_for_good():
    make_jobs(1, max_attempts=2)
    for _ in range(2):
        Job.objects.update(next_attempt_at=timezone.now())
        job = claim(Job)[0]
        fail(job, "still down")
    assert Job.objects.get().status == WorkStatus.FAILED
    Job.objects.update(next_attempt_at=timezone.now())
    assert claim(Job) == []


def test_the_backoff_doubles_and_is_capped_at_an_hour():
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert retry_delay(50) == timedelta(hours=1)
