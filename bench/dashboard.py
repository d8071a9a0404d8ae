"""Benchmark the dashboard's data at 1 and 10 million responses, on SQLite and PostgreSQL.

    python bench/dashboard.py                                 # 1M and 10M, both databases
    python bench/dashboard.py --responses 200000 --repeat 20  # a quick run
    python bench/dashboard.py --databases sqlite              # one database

For each size and database a child process (Django configures one database per process):

1. uses a dedicated benchmark database — var/bench/dashboard-N.sqlite3, or the PostgreSQL
   database opennps_bench_N on BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432) —
   never the test database; it is generated once and reused (--fresh makes it again);
2. generates N responses of one workspace (3 surveys, 4 channels, 3 languages, region 8 values,
   plan 4, agent 50; two years of dates) with NumPy and loads them in bulk: COPY on PostgreSQL,
   executemany on SQLite, indexes dropped during the load and built after it;
3. builds the rollup with opennps.analytics.rollups.rebuild_in_sql (equal to rebuild(), tested);
4. times the dashboard's data exactly as the page computes it (build_dashboard without the
   extras): the headline and the previous year, the 12-month trend by month and one segment
   table with every group's comparison against the rest — p50 and p95 of --repeat runs after
   three warm-up runs;
5. recomputes the same answer naively with pandas from the raw rows (load them, then group) and
   checks that every figure is equal.

Prints a Markdown table; the results and the command are kept in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO / "var" / "bench"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432"
SEED = 20261123
CHUNK = 500_000
SCORE_WEIGHTS = [0.03, 0.02, 0.03, 0.03, 0.04, 0.06, 0.07, 0.12, 0.17, 0.18, 0.25]
SURVEYS = (("Relationship NPS", 0.6), ("After purchase", 0.3), ("Support", 0.1))
CHANNELS = (("web", 0.4), ("email", 0.35), ("sms", 0.15), ("widget", 0.1))
LANGUAGES = (("en", 0.5), ("ru", 0.35), ("kk", 0.15))
REGIONS = ["North", "South", "East", "West", "Centre", "Coast", "Mountains", "Capital"]
PLANS = ["basic", "plus", "premium", "business"]
AGENTS = [f"agent-{index:02d}" for index in range(50)]
HISTORY_DAYS = 730
COLUMNS = (
    "workspace_id", "survey_id", "version_id", "score", "nps_class", "comment", "third_answer",
    "answers", "channel", "language", "attributes", "respondent_key", "created_at", "updated_at",
)  # fmt: skip


# ---------------------------------------------------------------- the parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--responses", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--databases", nargs="+", default=["postgres", "sqlite"])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--fresh", action="store_true", help="generate the data again")
    parser.add_argument("--child", nargs=2, metavar=("DATABASE", "N"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        return child(arguments.child[0], int(arguments.child[1]), arguments.repeat, arguments.fresh)
    results = []
    for responses in arguments.responses:
        for database in arguments.databases:
            command = [sys.executable, __file__, "--child", database, str(responses)]
            command += ["--repeat", str(arguments.repeat)] + (
                ["--fresh"] if arguments.fresh else []
            )
            print(f"running {database} at {responses:,} responses …", file=sys.stderr, flush=True)
            finished = subprocess.run(command, capture_output=True, text=True, check=False)
            sys.stderr.write(finished.stderr)
            if finished.returncode != 0:
                print(f"{database} at {responses:,} failed", file=sys.stderr)
                return finished.returncode
            results.append(json.loads(finished.stdout.strip().splitlines()[-1]))
    print(report(results, arguments.repeat))
    return 0


def report(results: list[dict], repeat: int) -> str:
    import numpy
    import pandas

    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"pandas {pandas.__version__}, NumPy {numpy.__version__}; {repeat} timed runs each.",
        "",
        "| database | responses | rollup rows | load s | rollup build s | dashboard data p50 ms "
        "| p95 ms | agent table (50 groups) p50 ms | pandas from raw rows s | same answer |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        lines.append(
            f"| {r['database']} {r['version']} | {r['responses']:,} | {r['rollup_rows']:,} "
            f"| {r['load_seconds']} | {r['rollup_seconds']} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} "
            f"| {r['agent_p50_ms']:.1f} | {r['pandas_seconds']:.1f} | {'yes' if r['equal'] else 'NO'} |"
        )
    return "\n".join(lines)


# ---------------------------------------------------------------- the child: one database, one size


def child(database: str, responses: int, repeat: int, fresh: bool) -> int:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ["OPENNPS_DATA_DIR"] = str(BENCH_DIR / "data")
    (BENCH_DIR / "data").mkdir(exist_ok=True)
    os.environ["TIME_ZONE"] = "UTC"
    if database == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{BENCH_DIR / f'dashboard-{responses}.sqlite3'}"
    else:
        base = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES).rstrip("/")
        name = f"opennps_bench_{responses}"
        ensure_postgres_database(base, name)
        os.environ["DATABASE_URL"] = f"{base}/{name}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "opennps.settings"
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    workspace_id, load_seconds, rollup_seconds = prepare(responses, fresh)
    timings = measure(workspace_id, repeat, "region")
    agent = measure(workspace_id, max(5, repeat // 5), "agent")
    naive_seconds, equal = naive_with_pandas(workspace_id, timings["answer"])
    from opennps.analytics.models import Rollup

    result = {
        "database": connection.vendor,
        "version": server_version(),
        "responses": responses,
        "rollup_rows": Rollup.objects.filter(workspace_id=workspace_id).count(),
        "load_seconds": load_seconds,
        "rollup_seconds": rollup_seconds,
        "p50_ms": timings["p50"],
        "p95_ms": timings["p95"],
        "agent_p50_ms": agent["p50"],
        "pandas_seconds": naive_seconds,
        "equal": equal,
    }
    print(json.dumps(result))
    return 0


def ensure_postgres_database(base: str, name: str) -> None:
    import psycopg

    with psycopg.connect(
        base.replace("postgres://", "postgresql://", 1) + "/postgres", autocommit=True
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def server_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        return cursor.fetchone()[0].split()[0]


def prepare(responses: int, fresh: bool) -> tuple[int, str, str]:
    """The benchmark workspace with `responses` answers and its rollup; reused when present."""
    from opennps.accounts.models import Organisation, Workspace
    from opennps.responses.models import Response

    name = f"bench-{responses}"
    workspace = Workspace.objects.filter(name=name).first()
    if (
        workspace is not None
        and not fresh
        and Response.objects.filter(workspace=workspace).count() == responses
    ):
        return workspace.pk, "reused", "reused"
    if workspace is not None:
        wipe(workspace)
    organisation = Organisation.objects.create(name=name)
    workspace = Workspace.objects.create(organisation=organisation, name=name, industry="telecom")
    started = time.perf_counter()
    load_responses(workspace, responses)
    load_seconds = f"{time.perf_counter() - started:.0f}"
    from opennps.analytics.rollups import rebuild_in_sql

    started = time.perf_counter()
    rebuild_in_sql([workspace.pk])
    analyse_tables()
    return workspace.pk, load_seconds, f"{time.perf_counter() - started:.0f}"


def wipe(workspace) -> None:
    from django.db import connection

    from opennps.analytics.models import Rollup
    from opennps.responses.models import Response

    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {Response._meta.db_table} WHERE workspace_id = %s", [workspace.pk]
        )
    Rollup.objects.filter(workspace=workspace).delete()
    workspace.organisation.delete()


def make_surveys(workspace) -> list[tuple[int, int]]:
    from opennps.analytics.models import SegmentDimension
    from opennps.surveys.models import Survey
    from opennps.surveys.versions import publish_version

    made = []
    for name, _share in SURVEYS:
        survey = Survey.objects.create(
            workspace=workspace, name=name, brand="Bench", status="active"
        )
        made.append((survey.pk, publish_version(survey).pk))
    for key in ("region", "plan", "agent"):
        SegmentDimension.objects.create(workspace=workspace, key=key)
    return made


def generated_chunks(
    workspace_id: int, surveys: list[tuple[int, int]], responses: int, sqlite: bool
):
    """Rows of COLUMNS as tuples, CHUNK at a time, from a seeded generator.

    Times are UTC; SQLite gets Django's own text form ("2025-03-14 09:30:00"), PostgreSQL ISO.
    """
    import numpy as np

    rng = np.random.default_rng(SEED)
    now = datetime.now(UTC).replace(microsecond=0)
    classes = ["detractor"] * 7 + ["passive"] * 2 + ["promoter"] * 2
    for start in range(0, responses, CHUNK):
        size = min(CHUNK, responses - start)
        scores = rng.choice(11, size=size, p=SCORE_WEIGHTS)
        survey_index = rng.choice(len(SURVEYS), size=size, p=[s for _n, s in SURVEYS])
        channels = rng.choice([c for c, _w in CHANNELS], size=size, p=[w for _c, w in CHANNELS])
        languages = rng.choice([c for c, _w in LANGUAGES], size=size, p=[w for _c, w in LANGUAGES])
        regions = rng.choice(REGIONS, size=size)
        plans = rng.choice(PLANS, size=size)
        agents = rng.choice(AGENTS, size=size)
        seconds = rng.integers(0, HISTORY_DAYS * 86400, size=size)
        rows = []
        for i in range(size):
            moment = now - timedelta(seconds=int(seconds[i]))
            created = str(moment.replace(tzinfo=None)) if sqlite else moment.isoformat()
            survey_id, version_id = surveys[survey_index[i]]
            score = int(scores[i])
            attributes = (
                f'{{"region": "{regions[i]}", "plan": "{plans[i]}", "agent": "{agents[i]}"}}'
            )
            rows.append((
                workspace_id, survey_id, version_id, score, classes[score], "", "", "{}",
                channels[i], languages[i], attributes, "", created, created,
            ))  # fmt: skip
        yield rows


def load_responses(workspace, responses: int) -> None:
    """Bulk load with the response table's indexes dropped, then rebuilt (as any bulk load)."""
    from django.db import connection, transaction

    from opennps.responses.models import Response

    surveys = make_surveys(workspace)
    table = Response._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
                "AND indexname NOT LIKE '%%pkey'",
                [table],
            )
        else:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                "AND sql IS NOT NULL",
                [table],
            )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A bench-only database: skip per-row foreign-key triggers during the load.
            cursor.execute("SET LOCAL session_replication_role = replica")
            with cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for rows in generated_chunks(workspace.pk, surveys, responses, sqlite=False):
                    copy.write("".join("\t".join(map(str, row)) + "\n" for row in rows))
        else:
            placeholders = ", ".join(["%s"] * len(COLUMNS))
            sql = f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({placeholders})"
            for rows in generated_chunks(workspace.pk, surveys, responses, sqlite=True):
                cursor.executemany(sql, rows)
    with connection.cursor() as cursor:
        for _name, definition in indexes:
            cursor.execute(definition)


def analyse_tables() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# ---------------------------------------------------------------- measuring


def dashboard_query(workspace_id: int, segment: str):
    from opennps.analytics.dashboard_filters import DashboardQuery
    from opennps.analytics.queries import Filters
    from opennps.analytics.rollups import local_day

    today = local_day(datetime.now(UTC))
    filters = Filters(workspace_id, date_from=today - timedelta(days=364), date_to=today)
    return DashboardQuery(filters=filters, by="month", segment=segment)


def measure(workspace_id: int, repeat: int, segment: str) -> dict:
    from opennps.analytics.dashboard import build_dashboard

    query = dashboard_query(workspace_id, segment)
    answer = None
    for _ in range(3):
        answer = build_dashboard(query, enps=False, survey_names={}, with_extras=False)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        build_dashboard(query, enps=False, survey_names={}, with_extras=False)
        times.append((time.perf_counter() - started) * 1000)
    quantiles = statistics.quantiles(times, n=20)
    return {"p50": statistics.median(times), "p95": quantiles[18], "answer": answer}


def naive_with_pandas(workspace_id: int, answer) -> tuple[float, bool]:
    """Load the workspace's raw rows into pandas and compute the same figures; (seconds, equal)."""
    import pandas as pd
    from django.db import connection

    from opennps.analytics.periods import period_start, previous_range
    from opennps.stats import Histogram, summarize

    filters = answer.query.filters
    region = (
        "attributes ->> 'region'"
        if connection.vendor == "postgresql"
        else "json_extract(attributes, '$.region')"
    )
    started = time.perf_counter()
    # pandas warns that it has not tested psycopg connections; the read is plain and checked below.
    warnings.filterwarnings("ignore", message="pandas only supports SQLAlchemy")
    frame = pd.read_sql_query(
        f"SELECT created_at, score, {region} AS region FROM responses_response "
        f"WHERE workspace_id = {int(workspace_id)}",
        connection.connection,
    )
    frame["day"] = pd.to_datetime(frame["created_at"], utc=True, format="ISO8601").dt.date
    previous_from, previous_to = previous_range(filters.date_from, filters.date_to)

    def histogram(rows) -> Histogram:
        counts = rows["score"].value_counts()
        return Histogram(tuple(int(counts.get(score, 0)) for score in range(11)))

    current = frame[(frame["day"] >= filters.date_from) & (frame["day"] <= filters.date_to)]
    before = frame[(frame["day"] >= previous_from) & (frame["day"] <= previous_to)]
    months = current["day"].map(lambda day: period_start(day, "month"))
    trend = {month: histogram(rows) for month, rows in current.groupby(months)}
    regions = {value: histogram(rows) for value, rows in current.groupby("region")}
    headline, previous = histogram(current), histogram(before)
    seconds = time.perf_counter() - started
    equal = (
        answer.headline.histogram == headline
        and answer.change.previous == summarize(previous)
        and [(p.start, p.summary) for p in answer.trend]
        == [(month, summarize(h)) for month, h in sorted(trend.items())]
        and {row.key: row.summary for row in answer.segment_rows}
        == {key: summarize(h) for key, h in regions.items()}
    )
    return seconds, equal


if __name__ == "__main__":
    sys.exit(main())
