"""Shared test setup.

The suite runs twice (scripts/run_tests.py): everything on SQLite, then — with
OPENNPS_TEST_DATABASE_ONLY=1 — only the tests that touch the database, on PostgreSQL.
Under CI=true a skipped test fails the run: CI must exercise everything.
"""

from __future__ import annotations

import os

import pytest

# Browser fixtures live in one plugin so the whole run shares one Playwright and one Chromium.
pytest_plugins = ("tests.browser_fixtures",)

DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "client",
    "admin_client",
    "admin_user",
    "django_user_model",
    "live_server",
}


def uses_database(item: pytest.Item) -> bool:
    if item.get_closest_marker("django_db") is not None:
        return True
    return bool(DATABASE_FIXTURES.intersection(getattr(item, "fixturenames", ())))


def running_on_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    database_only = os.environ.get("OPENNPS_TEST_DATABASE_ONLY") == "1"
    keep: list[pytest.Item] = []
    drop: list[pytest.Item] = []
    for item in items:
        if (database_only and not uses_database(item)) or (
            item.get_closest_marker("postgres_only") and not running_on_postgres()
        ):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("CI", "").lower() != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped:
        reporter.write_line(
            f"FAILED: {skipped} test(s) skipped under CI=true; nothing may skip in CI."
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; Django's mail settings point at it for the test."""
    from opennps.mail_settings import email_settings
    from tests.smtp import SmtpServer

    with SmtpServer() as server:
        for name, value in email_settings(server.url).items():
            setattr(settings, name, value)
        yield server


@pytest.fixture
def team(db):
    """alice owns Shop, dana is its analyst, bob its viewer; charlie owns Other (tests/personas.py)."""
    from tests.personas import make_team

    return make_team()
