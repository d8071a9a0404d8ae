"""Responses per second through the public survey page and the API, against hello-world.

Starts a real `opennps serve` (gunicorn, 2 processes × 4 threads) on a throw-away database, then
drives it from loopback with keep-alive HTTP clients in separate processes for a fixed time each:

1. `GET /ping/`, the same server's hello-world (no database);
2. `POST /s/<public id>` — a new respondent choosing a score on the hosted page (each request is a
   new browser, so each one stores a new response; the answer is a 303 to the follow-up);
3. `POST /api/v1/surveys/<id>/responses` with an API key.

It then checks that the database holds exactly as many responses as requests succeeded, and
prints a markdown table with, per request, the CPU time the server's processes used and (on
PostgreSQL) the CPU time of the database's server processes for the bench database (both read from
/proc, so only when they run on this machine). Rate limits are switched off for the server
(OPENNPS_RATE_LIMITS=False) since every request comes from one address.

    .venv/bin/python bench/ingest.py [--database postgres|sqlite] [--seconds 15] [--clients 8]
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import bench_database
from bench_database import fresh_postgres_database

ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE = "opennps_bench_ingest"


@dataclass(frozen=True)
class Scenario:
    name: str
    method: str
    path: str
    body: bytes
    headers: dict[str, str]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def opennps(environment: dict[str, str], *arguments: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "opennps", *arguments],
        env=environment,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def client_loop(arguments: tuple[str, int, Scenario, float]) -> tuple[int, int]:
    """One client: keep-alive requests until the deadline; (succeeded, failed)."""
    host, port, scenario, deadline = arguments
    connection = http.client.HTTPConnection(host, port, timeout=30)
    succeeded = failed = 0
    while time.monotonic() < deadline:
        try:
            connection.request(scenario.method, scenario.path, scenario.body, scenario.headers)
            response = connection.getresponse()
            response.read()
            if response.status in (200, 201, 303):
                succeeded += 1
            else:
                failed += 1
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException):
            failed += 1
            connection.close()
    return succeeded, failed


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants (gunicorn's master and workers)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, waiting = [], [root]
    while waiting:
        pid = waiting.pop()
        found.append(pid)
        waiting.extend(children.get(pid, []))
    return found


def database_backends(database: str) -> list[int]:
    """The PostgreSQL server processes serving connections to the bench database."""
    if database != "postgres":
        return []
    import psycopg

    admin_url = bench_database.admin_url()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s", [BENCH_DATABASE]
        ).fetchall()
    return [row[0] for row in rows]


@dataclass
class Result:
    scenario: Scenario
    succeeded: int
    failed: int
    rate: float
    server_cpu_ms: float  # per successful request
    database_cpu_ms: float | None


def drive(
    host: str, port: int, scenario: Scenario, seconds: float, clients: int, server: int, db: str
) -> Result:
    # Connections the server opened during an earlier scenario are counted from the start;
    # ones opened during this scenario from their birth (nearly nothing before their first use).
    backends = database_backends(db)
    servers = process_tree(server)
    server_before = sum(cpu_seconds(pid) for pid in servers)
    database_before = {pid: cpu_seconds(pid) for pid in backends}
    deadline = time.monotonic() + seconds
    with multiprocessing.Pool(clients) as pool:
        started = time.monotonic()
        results = pool.map(client_loop, [(host, port, scenario, deadline)] * clients)
        elapsed = time.monotonic() - started
    server_cpu = sum(cpu_seconds(pid) for pid in process_tree(server)) - server_before
    database_cpu = sum(
        cpu_seconds(pid) - database_before.get(pid, 0.0) for pid in database_backends(db)
    )
    succeeded = sum(result[0] for result in results)
    failed = sum(result[1] for result in results)
    per_request = 1000 / max(succeeded, 1)
    return Result(
        scenario,
        succeeded,
        failed,
        succeeded / elapsed,
        server_cpu * per_request,
        database_cpu * per_request if db == "postgres" else None,
    )


def page_scenario(base: str, public_id: str) -> Scenario:
    """A POST exactly as a browser sends it: the CSRF cookie and token from a real page view."""
    with urllib.request.urlopen(f"{base}/s/{public_id}") as page:
        html = page.read().decode()
        cookies = [value.split(";", 1)[0] for value in page.headers.get_all("Set-Cookie")]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    csrf_cookie = next(cookie for cookie in cookies if cookie.startswith("csrftoken="))
    return Scenario(
        "hosted page: POST score",
        "POST",
        f"/s/{public_id}",
        f"csrfmiddlewaretoken={token}&score=9".encode(),
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": csrf_cookie,
            "Referer": f"{base}/s/{public_id}",
        },
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--clients", type=int, default=8)
    options = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="opennps-bench-ingest-")
    database_url = (
        fresh_postgres_database(BENCH_DATABASE)
        if options.database == "postgres"
        else f"sqlite:///{data_dir}/bench.sqlite3"
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "OPENNPS_DATA_DIR": data_dir,
        "OPENNPS_BASE_URL": base,
        "OPENNPS_RATE_LIMITS": "False",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "opennps.settings",
    }
    opennps(environment, "migrate", "--no-input", "--verbosity", "0")
    opennps(
        environment,
        "createadmin",
        "--email",
        "bench@example.com",
        "--password",
        "bench-pass-123",
        "--workspace",
        "Bench",
    )
    key = opennps(environment, "apikey", "--workspace", "Bench", "--scopes", "admin")

    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "opennps",
            "serve",
            "--port",
            str(port),
            "--no-migrate",
            "--workers",
            "2",
            "--threads",
            "4",
        ],
        env=environment,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/ping/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        api_headers = {"X-Api-Key": key, "Content-Type": "application/json"}
        request = urllib.request.Request(
            f"{base}/api/v1/surveys",
            data=json.dumps(
                {
                    "name": "Bench",
                    "kind": "customer",
                    "brand": "Bench",
                    "status": "active",
                    "languages": ["en"],
                }
            ).encode(),
            headers=api_headers,
        )
        with urllib.request.urlopen(request) as answer:
            survey = json.load(answer)

        scenarios = [
            Scenario("hello-world: GET /ping/", "GET", "/ping/", b"", {}),
            page_scenario(base, survey["public_id"]),
            Scenario(
                "API: POST response",
                "POST",
                f"/api/v1/surveys/{survey['id']}/responses",
                json.dumps({"score": 9, "comment": "Fast and friendly"}).encode(),
                api_headers,
            ),
        ]
        results = [
            drive(
                "127.0.0.1",
                port,
                scenario,
                options.seconds,
                options.clients,
                server.pid,
                options.database,
            )
            for scenario in scenarios
        ]
        with urllib.request.urlopen(
            urllib.request.Request(
                f"{base}/api/v1/surveys/{survey['id']}/summary", headers=api_headers
            )
        ) as answer:
            stored = json.load(answer)["n"]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    hello = results[0].rate
    expected = results[1].succeeded + results[2].succeeded
    print(
        f"Database: {options.database}; {options.clients} client processes, "
        f"{options.seconds:.0f} s each; server: gunicorn 2 processes × 4 threads; "
        f"load average {os.getloadavg()[0]:.1f}.\n"
    )
    print(
        "| scenario | requests ok | errors | per second | × hello-world "
        "| server CPU ms/request | database CPU ms/request |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for result in results:
        database = "—" if result.database_cpu_ms is None else f"{result.database_cpu_ms:.2f}"
        print(
            f"| {result.scenario.name} | {result.succeeded} | {result.failed} "
            f"| {result.rate:.0f} | {result.rate / hello:.2f} "
            f"| {result.server_cpu_ms:.2f} | {database} |"
        )
    print(
        f"\nResponses stored: {stored}; successful response requests: {expected} "
        f"({'equal' if stored == expected else 'DIFFERENT'})."
    )
    return 0 if stored == expected else 1


if __name__ == "__main__":
    sys.exit(main())
