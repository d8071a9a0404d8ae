"""Each key has its own request budget; over it, 429 JSON with Retry-After."""

from __future__ import annotations

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


def test_a_key_over_its_limit_gets_429_and_other_keys_do_not(settings, api_for, workspace_a):
    # An hour's window: a minute's can roll over between the requests and start counting again.
    settings.OPENNPS_API_RATE_LIMIT = "3/h"
    cache.clear()  # counters live in the cache table, where tests that commit leave rows
    busy, calm = api_for(workspace_a, "read"), api_for(workspace_a, "read")
    statuses = [busy.get("/api/v1/surveys").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = busy.get("/api/v1/surveys")
    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    assert "Too many requests" in limited.json()["errors"][0]["message"]
    assert calm.get("/api/v1/surveys").status_code == 200


def test_the_default_limit_is_generous(api_for, workspace_a):
    reader = api_for(workspace_a, "read")
    assert all(reader.get("/api/v1/surveys").status_code == 200 for _ in range(30))
