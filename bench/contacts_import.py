"""Contact import speed: 100,000 CSV rows into a throw-away database, first as new contacts, then
again as updates of the same contacts (the nightly CRM sync case).

    .venv/bin/python bench/contacts_import.py [--database sqlite|postgres|both] [--rows 100000]

Each database runs in a child process so Django is set up once per database. Prints rows/s for the
whole import (read + validate + write), and checks the contact count afterwards.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_database import fresh_postgres_database

ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE = "opennps_bench_contacts"


def write_file(path: Path, rows: int) -> None:
    import polars as pl

    zones = ["Europe/Berlin", "Europe/Sofia", "Asia/Almaty", "America/New_York"]
    languages = ["en", "ru", "kk", "bg", "zh-hans"]
    plans = ["free", "team", "enterprise"]
    pl.DataFrame(
        {
            "customer_id": [f"C{i:07d}" for i in range(rows)],
            "email": [f"Person.{i}@Example.com" for i in range(rows)],
            "name": [f"Person {i}" for i in range(rows)],
            "language": [languages[i % 5] for i in range(rows)],
            "time zone": [zones[i % 4] for i in range(rows)],
            "company": [f"Company {i % 2000}" for i in range(rows)],
            "plan": [plans[i % 3] for i in range(rows)],
            "spend": [str(i % 977 * 3.5) for i in range(rows)],
            "signed_up": [f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}" for i in range(rows)],
        }
    ).write_csv(path)


def child(path: str) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opennps.settings")
    django.setup()
    from django.core.management import call_command

    from opennps.accounts.models import Organisation, Workspace
    from opennps.contacts.import_writing import run_import
    from opennps.contacts.importing import build_spec, read_table
    from opennps.contacts.models import Contact

    call_command("migrate", verbosity=0)
    workspace = Workspace.objects.create(
        organisation=Organisation.objects.create(name="Bench"), name="Bench"
    )
    for label in ("new contacts", "updates"):
        started = time.perf_counter()
        frame = read_table(path)
        spec = build_spec(frame.columns, types={"spend": "number", "signed_up": "date"})
        report = run_import(workspace, frame, spec)
        seconds = time.perf_counter() - started
        assert not report.errors, report.text()[:500]
        print(
            f"  {label:<13} {report.rows:>7} rows in {seconds:6.2f} s = "
            f"{report.rows / seconds:>8,.0f} rows/s"
        )
    print(f"  contacts stored: {Contact.objects.filter(workspace=workspace).count()}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(options.child)
        return
    databases = ["sqlite", "postgres"] if options.database == "both" else [options.database]
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "contacts.csv"
        write_file(path, options.rows)
        for database in databases:
            environment = {**os.environ, "OPENNPS_DATA_DIR": directory}
            environment.pop("DATABASE_URL", None)
            if database == "postgres":
                environment["DATABASE_URL"] = fresh_postgres_database(BENCH_DATABASE)
            print(f"{database}:", flush=True)
            subprocess.run(
                [sys.executable, __file__, "--child", str(path)],
                env=environment,
                cwd=ROOT,
                check=True,
            )


if __name__ == "__main__":
    main()
