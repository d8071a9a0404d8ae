"""Round trips to the database per answer on the two write paths, as bench/ingest.py drives them.

Migrates a throw-away database in this process, then sends requests with Django's test client
and counts the statements each one sends (a connection's captured queries, so one count per
round trip: a lock travels with the statement it guards, "SELECT pg_advisory_xact_lock(…);
SELECT …", and counts once; the cache's own statements are included when the cache is the
database cache; the connection health check's "SELECT 1" at the start of each request, which
bypasses Django's cursor, is not):

1. `POST /s/<public id>` with a score, from a new browser each time;
2. `POST /api/v1/surveys/<id>/responses` with an API key;
3. the same POST with an `Idempotency-Key`.

The first request of each kind warms process-local caches; the table shows the steady state
(the median of the following ones), and the statements of one request with `--show`.

    .venv/bin/python bench/ingest_queries.py [--database sqlite|postgres] [--rate-limits]
        [--cache-url redis://127.0.0.1:6379/0] [--show]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile

from bench_database import in_process_bench_survey

BENCH_DATABASE = "opennps_bench_queries"
REPEATS = 7


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="sqlite")
    parser.add_argument("--rate-limits", action="store_true", help="leave rate limits on")
    parser.add_argument("--cache-url", default="", help="OPENNPS_CACHE_URL, e.g. redis://…")
    parser.add_argument("--show", action="store_true", help="print one request's statements")
    options = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="opennps-bench-queries-")
    survey, secret = in_process_bench_survey(
        options.database,
        BENCH_DATABASE,
        data_dir,
        {"OPENNPS_RATE_LIMITS": str(options.rate_limits), "OPENNPS_CACHE_URL": options.cache_url},
    )
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def page_post() -> int:
        client = Client()  # a new browser: no cookies
        return client.post(f"/s/{survey.public_id}", {"score": "9"}).status_code

    api_client = Client()
    body = json.dumps({"score": 9, "comment": "Fast and friendly"})
    counter = iter(range(10**6))

    def api_post() -> int:
        return api_client.post(
            f"/api/v1/surveys/{survey.pk}/responses",
            body,
            content_type="application/json",
            headers={"X-Api-Key": secret},
        ).status_code

    def api_post_idempotent() -> int:
        return api_client.post(
            f"/api/v1/surveys/{survey.pk}/responses",
            body,
            content_type="application/json",
            headers={"X-Api-Key": secret, "Idempotency-Key": f"bench-{next(counter)}"},
        ).status_code

    print(
        f"Database: {options.database}; rate limits {'on' if options.rate_limits else 'off'}; "
        f"cache: {options.cache_url or 'database'}.\n"
    )
    print("| request | status | statements (first) | statements (steady) |")
    print("| --- | ---: | ---: | ---: |")
    for name, send in (
        ("hosted page: POST score", page_post),
        ("API: POST response", api_post),
        ("API: POST response with Idempotency-Key", api_post_idempotent),
    ):
        counts = []
        shown = None
        for _ in range(REPEATS):
            with CaptureQueriesContext(connection) as captured:
                status = send()
            counts.append(len(captured.captured_queries))
            shown = captured.captured_queries
        steady = statistics.median(counts[1:])
        print(f"| {name} | {status} | {counts[0]} | {steady:g} |")
        if options.show:
            for query in shown:
                print("    ", query["sql"][:160])
    return 0


if __name__ == "__main__":
    sys.exit(main())
