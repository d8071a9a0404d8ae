"""OPENNPS_CACHE_URL puts the rate-limit counters in Redis; the limits hold just the same."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_or_skip() -> None:
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip(f"no Redis server at {REDIS_URL}")


def _cache_backend(cache_url: str) -> subprocess.CompletedProcess[str]:
    code = "import django; django.setup(); from django.conf import settings; "
    code += "print(settings.CACHES['default']['BACKEND'])"
    environment = {**os.environ, "OPENNPS_CACHE_URL": cache_url}
    environment["DJANGO_SETTINGS_MODULE"] = "opennps.settings"
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=False
    )


def test_a_redis_cache_url_chooses_djangos_redis_cache():
    result = _cache_backend("redis://127.0.0.1:6379/0")
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


def test_an_unknown_cache_url_is_refused_with_its_value():
    result = _cache_backend("memcached://127.0.0.1")
    assert result.returncode != 0
    assert "OPENNPS_CACHE_URL must start with redis://" in result.stderr


def test_a_key_over_its_limit_gets_429_with_counters_in_redis(settings, api_for, workspace_a):
    _redis_or_skip()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # Parallel test runs share the server: each run counts under its own prefix.
            "KEY_PREFIX": uuid.uuid4().hex,
        }
    }
    settings.OPENNPS_API_RATE_LIMIT = "3/m"
    busy = api_for(workspace_a, "read")
    statuses = [busy.get("/api/v1/surveys").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
