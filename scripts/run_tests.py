"""Run the whole suite: everything on SQLite, then every database test again on PostgreSQL.

PostgreSQL comes from TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test). When it
cannot be reached the PostgreSQL pass is skipped with the reason — except under CI=true, where a missing
PostgreSQL fails the run.
"""

from __future__ import annotations

import os
import subprocess
import sys

DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test"


def postgres_problem(url: str) -> str | None:
    """None when PostgreSQL answers at `url`, else a sentence saying why not."""
    import psycopg

    try:
        with psycopg.connect(url.replace("postgres://", "postgresql://", 1), connect_timeout=5):
            return None
    except psycopg.Error as error:
        return f"cannot connect to {url}: {str(error).strip()}"


def run_pytest(label: str, extra_env: dict[str, str], arguments: list[str]) -> int:
    print(f"\n=== {label} ===", flush=True)
    environment = {**os.environ, **extra_env}
    return subprocess.call([sys.executable, "-m", "pytest", *arguments], env=environment)


def main() -> int:
    arguments = sys.argv[1:] or ["-n", os.environ.get("TEST_WORKERS", "2")]
    in_ci = os.environ.get("CI", "").lower() == "true"
    sqlite_env = {"DATABASE_URL": ""}
    status = run_pytest("all tests on SQLite", sqlite_env, arguments)
    if status != 0:
        return status

    postgres_url = os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    problem = postgres_problem(postgres_url)
    if problem:
        if in_ci:
            print(f"FAILED: PostgreSQL is required in CI and {problem}", file=sys.stderr)
            return 1
        print(
            f"\nSKIPPED: the PostgreSQL pass — {problem}. Start PostgreSQL or set "
            "TEST_POSTGRES_URL=postgres://user@host:port/database to run it.",
            flush=True,
        )
        return 0
    postgres_env = {"DATABASE_URL": postgres_url, "OPENNPS_TEST_DATABASE_ONLY": "1"}
    return run_pytest("database tests on PostgreSQL", postgres_env, arguments)


if __name__ == "__main__":
    sys.exit(main())
