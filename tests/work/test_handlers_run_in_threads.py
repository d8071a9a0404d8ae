"""A queue that asks for concurrency runs a batch's handlers in the worker's threads, each with
its own database connection; outcomes are recorded per row as in the one-at-a-time runner, and
closing the pools closes the threads' connections."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection

from opennps.work.models import Job, WorkStatus
from opennps.work.registry import PermanentFailure, Queue
from opennps.work.runner import run_one_pass
from opennps.work.threads import HandlerPool


def _threaded_handler(record: dict[int, str]):
    def handler(job: Job) -> None:
        # Reading the row through this thread's own connection proves it sees committed data.
        Job.objects.get(pk=job.pk)
        record[job.pk] = threading.current_thread().name
        time.sleep(0.05)  # long enough that the threads overlap
        if job.payload.get("fail") == "retry":
            raise RuntimeError("the mail server hung up")
        if job.payload.get("fail") == "forever":
            raise PermanentFailure("no such address")

    return handler


@pytest.mark.django_db(transaction=True)
def test_a_batch_runs_in_several_threads_and_each_outcome_is_recorded():
    jobs = [Job.objects.create(kind="test") for _ in range(6)]
    retried = Job.objects.create(kind="test", payload={"fail": "retry"})
    refused = Job.objects.create(kind="test", payload={"fail": "forever"})
    record: dict[int, str] = {}
    queue = Queue("test", Job, _threaded_handler(record), batch=10, concurrency=3)
    pools: dict[str, HandlerPool] = {}

    started = time.monotonic()
    try:
        assert run_one_pass([queue], pools=pools) == 8
    finally:
        for pool in pools.values():
            pool.close()

    # Eight handlers of 50 ms on three threads: well under the 0.4 s they take one by one.
    assert time.monotonic() - started < 0.35
    assert len(set(record.values())) == 3
    assert all(name.startswith("opennps-test-") for name in record.values())
    statuses = dict(Job.objects.values_list("pk", "status"))
    assert all(statuses[job.pk] == WorkStatus.DONE for job in jobs)
    assert statuses[retried.pk] == WorkStatus.PENDING
    assert statuses[refused.pk] == WorkStatus.FAILED
    assert "the mail server hung up" in Job.objects.get(pk=retried.pk).last_error
    assert Job.objects.get(pk=refused.pk).last_error == "no such address"
    assert all(not thread.is_alive() for pool in pools.values() for thread in pool.threads)


@pytest.mark.postgres_only  # counts server sessions, which only PostgreSQL lists
@pytest.mark.django_db(transaction=True)
def test_closing_the_pool_closes_the_threads_database_connections():
    Job.objects.create(kind="test")
    Job.objects.create(kind="test")

    def sessions() -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            )
            return cursor.fetchone()[0]

    both_threads = threading.Barrier(2, timeout=10)

    def handler(job: Job) -> None:
        both_threads.wait()  # one job per thread
        Job.objects.filter(pk=job.pk).exists()

    before = sessions()
    pools: dict[str, HandlerPool] = {}
    run_one_pass([Queue("test", Job, handler, batch=10, concurrency=2)], pools=pools)
    assert sessions() == before + 2
    for pool in pools.values():
        pool.close()
    assert sessions() == before


@pytest.mark.django_db
def test_inside_a_transaction_the_handlers_run_one_by_one_in_this_thread():
    Job.objects.create(kind="test")
    Job.objects.create(kind="test")
    record: dict[int, str] = {}
    pools: dict[str, HandlerPool] = {}

    run_one_pass([Queue("test", Job, _threaded_handler(record), concurrency=3)], pools=pools)

    assert set(record.values()) == {threading.current_thread().name}
    assert pools == {}
    assert set(Job.objects.values_list("status", flat=True)) == {WorkStatus.DONE}
