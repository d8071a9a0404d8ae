"""A queue with a `finish` hook has its batch's successful rows marked done together, after the
hook; a failing row is recorded as before, and a hook that fails leaves the rows to a retry."""

from __future__ import annotations

import pytest

from opennps.work.models import Job, WorkStatus
from opennps.work.registry import Queue
from opennps.work.runner import run_one_pass

pytestmark = pytest.mark.django_db


def _handler(job: Job) -> None:
    if job.payload.get("fail"):
        raise RuntimeError("this one fails")


def test_successful_rows_are_done_after_the_hook_saw_them_and_failures_are_retried():
    seen: list[list[int]] = []
    jobs = [Job.objects.create(kind="test", payload={"fail": i == 1}) for i in range(3)]
    queue = Queue(
        "test", Job, _handler, batch=10, finish=lambda done: seen.append([j.pk for j in done])
    )

    assert run_one_pass([queue]) == 3

    assert seen == [[jobs[0].pk, jobs[2].pk]]
    statuses = dict(Job.objects.values_list("pk", "status"))
    assert statuses == {
        jobs[0].pk: WorkStatus.DONE,
        jobs[1].pk: WorkStatus.PENDING,
        jobs[2].pk: WorkStatus.DONE,
    }


def test_a_failing_hook_leaves_the_rows_running_for_the_next_worker():
    Job.objects.create(kind="test")

    def finish(done: list[Job]) -> None:
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        run_one_pass([Queue("test", Job, _handler, batch=10, finish=finish)])
    assert Job.objects.get().status == WorkStatus.RUNNING
