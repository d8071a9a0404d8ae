from __future__ import annotations

import pytest
from django.db import connection


@pytest.mark.django_db
def test_health_reports_ok_and_the_database_in_use(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == connection.vendor


@pytest.mark.django_db
def test_health_refuses_writes(client):
    assert client.post("/health/").status_code == 405


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_it_was_asked_for(settings):
    import os

    wanted = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite3"
    )
    assert settings.DATABASES["default"]["ENGINE"].endswith(wanted)


def test_ping_answers_without_the_database(client):
    response = client.get("/ping/")
    assert response.status_code == 200
    assert response.content == b"ok"
