"""Several workers on PostgreSQL never take the same row (SELECT … FOR UPDATE SKIP LOCKED)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from opennps.work.claiming import claim, complete
from opennps.work.models import Job, WorkStatus


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_claims_hand_out_each_row_exactly_once():
    Job.objects.bulk_create(Job(kind="test", payload={"i": i}) for i in range(300))
    seen: list[int] = []
    lock = threading.Lock()
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def work() -> None:
        try:
            start.wait()
            while batch := claim(Job, limit=7):
                with lock:
                    seen.extend(job.pk for job in batch)
                for job in batch:
                    complete(job)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(seen) == len(set(seen)) == 300
    assert Job.objects.filter(status=WorkStatus.DONE).count() == 300
