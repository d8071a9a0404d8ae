"""CPU per answer on the two write paths, in one process, with an optional cProfile.

Migrates a throw-away database in this process, then sends requests through Django's test client
(the whole middleware stack and URL routing, no network and no gunicorn) exactly as
bench/ingest.py sends them over HTTP: `GET /ping/`, `POST /s/<public id>` with a score from a new
browser (CSRF cookie and token from a real page view), and `POST /api/v1/surveys/<id>/responses`.

For each it prints the CPU time of this process per request and, on PostgreSQL, the CPU time of
the database's server process that served this connection (read from /proc; only when the
server runs on this machine). With `--profile` it then repeats each write path under cProfile
and prints the functions with the largest own time and the largest cumulative time.

    .venv/bin/python bench/ingest_profile.py [--database sqlite|postgres] [--requests 2000]
        [--profile] [--top 30] [--dump /tmp/ingest] [--only page|api]

`--only` measures one write path (besides /ping/), e.g. under a sampling profiler:
`py-spy record -o profile.txt --format raw -- .venv/bin/python bench/ingest_profile.py --only page`.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_database import in_process_bench_survey

BENCH_DATABASE = "opennps_bench_profile"


def server_cpu_seconds() -> float | None:
    """CPU seconds used so far by the PostgreSQL process serving Django's connection."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(send: Callable[[], int], requests: int) -> tuple[float, float, float | None]:
    """(wall ms, this process's CPU ms, database server CPU ms) per request."""
    server_before = server_cpu_seconds()
    cpu_before, wall_before = time.process_time(), time.perf_counter()
    for _ in range(requests):
        send()
    cpu = time.process_time() - cpu_before
    wall = time.perf_counter() - wall_before
    server_after = server_cpu_seconds()
    server = None if server_before is None or server_after is None else server_after - server_before
    per = 1000 / requests
    return wall * per, cpu * per, None if server is None else server * per


def profile(send: Callable[[], int], requests: int, top: int, dump: str = "") -> str:
    # CPU time, not wall time: waiting for the database would otherwise fill the listing.
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(requests):
        send()
    profiler.disable()
    if dump:
        profiler.dump_stats(dump)
    output = io.StringIO()
    stats = pstats.Stats(profiler, stream=output)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return output.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="sqlite")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of each path")
    parser.add_argument("--top", type=int, default=30, help="functions per profile listing")
    parser.add_argument("--dump", default="", help="also write each profile to DUMP-<n>.prof")
    parser.add_argument(
        "--only", choices=["page", "api"], help="measure one write path (e.g. under py-spy)"
    )
    options = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="opennps-bench-profile-")
    survey, secret = in_process_bench_survey(
        options.database,
        BENCH_DATABASE,
        data_dir,
        # As bench/ingest.py: one address sends it all.
        {"OPENNPS_RATE_LIMITS": "False", "LOG_LEVEL": "WARNING"},
    )
    from django.conf import settings
    from django.test import Client

    # As a browser: the page view gives the CSRF cookie and token; every POST then carries only
    # those (no browser cookie), so each one is a new respondent and stores a new response.
    viewer = Client(enforce_csrf_checks=True)
    page = viewer.get(f"/s/{survey.public_id}").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    csrf_cookie = viewer.cookies[settings.CSRF_COOKIE_NAME].value
    page_client = Client(enforce_csrf_checks=True)
    form = f"csrfmiddlewaretoken={token}&score=9"

    def page_post() -> int:
        page_client.cookies.clear()
        page_client.cookies[settings.CSRF_COOKIE_NAME] = csrf_cookie
        return page_client.post(
            f"/s/{survey.public_id}", form, content_type="application/x-www-form-urlencoded"
        ).status_code

    api_client = Client()
    body = json.dumps({"score": 9, "comment": "Fast and friendly"})

    def api_post() -> int:
        return api_client.post(
            f"/api/v1/surveys/{survey.pk}/responses",
            body,
            content_type="application/json",
            headers={"X-Api-Key": secret},
        ).status_code

    ping_client = Client()

    def ping() -> int:
        return ping_client.get("/ping/").status_code

    scenarios = [
        ("hello-world: GET /ping/", ping, 200),
        ("hosted page: POST score", page_post, 303),
        ("API: POST response", api_post, 201),
    ]
    if options.only:
        scenarios = [scenarios[0], scenarios[1 if options.only == "page" else 2]]
    for name, send, expected in scenarios:
        status = send()  # warms process-local caches; must succeed
        if status != expected:
            print(f"{name}: status {status}, expected {expected}")
            return 1

    print(
        f"Database: {options.database}; {options.requests} requests each, one process, "
        f"Django's test client; load average {os.getloadavg()[0]:.1f}.\n"
    )
    print("| request | wall ms | CPU ms (Django) | CPU ms (database server) |")
    print("| --- | ---: | ---: | ---: |")
    for name, send, _expected in scenarios:
        wall, cpu, server = measure(send, options.requests)
        server_text = "—" if server is None else f"{server:.2f}"
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {server_text} |")
    if options.profile:
        for number, (name, send, _expected) in enumerate(scenarios[1:], start=1):
            dump = f"{options.dump}-{number}.prof" if options.dump else ""
            print(f"\n## {name}\n")
            print(profile(send, options.requests, options.top, dump))
    return 0


if __name__ == "__main__":
    sys.exit(main())
