"""A throw-away PostgreSQL database for a benchmark, next to the test database's server.

The server comes from TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test), the
same one `make test` uses; each benchmark names its own database, dropped and created anew.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")


def admin_url() -> str:
    """The server's URL as psycopg takes it."""
    return POSTGRES_URL.replace("postgres://", "postgresql://", 1)


def fresh_postgres_database(name: str) -> str:
    """Drop (closing any session left from an earlier run) and create `name`; its URL."""
    import psycopg

    with psycopg.connect(admin_url(), autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name}")
    return POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"


def in_process_bench_survey(
    database: str, name: str, data_dir: str, environment: dict[str, str]
) -> tuple[Any, str]:
    """Set Django up in this process on a fresh database (`database` "postgres" or "sqlite") with
    `environment` added, migrate it and make a workspace with an active survey: (survey, API key
    with the admin scope). For the benches that send requests through Django's test client."""
    os.environ["DATABASE_URL"] = (
        fresh_postgres_database(name)
        if database == "postgres"
        else f"sqlite:///{data_dir}/bench.sqlite3"
    )
    os.environ["OPENNPS_DATA_DIR"] = data_dir
    os.environ.update(environment)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opennps.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from opennps.accounts.actions.api_keys import create_api_key
    from opennps.accounts.actions.setup import create_admin
    from opennps.surveys.actions import create_survey

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    workspace = create_admin("bench@example.com", "bench-pass-123", "Bench").workspace
    _, secret = create_api_key(workspace, ["admin"])
    survey = create_survey(
        workspace, name="Bench", brand="Bench", fields={"status": "active", "languages": ["en"]}
    )
    return survey, secret
