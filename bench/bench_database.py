"""A throw-away PostgreSQL database for a benchmark, next to the test database's server.

The server comes from TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test), the
same one `make test` uses; each benchmark names its own database, dropped and created anew.
"""

from __future__ import annotations

import os

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
