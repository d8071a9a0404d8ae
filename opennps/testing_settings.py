"""Settings for the test suite: the real settings, with a data directory of the run's own.

pytest-django imports settings before any conftest runs, so the directory must be chosen here.
Processes started by tests (a worker, a server) inherit OPENNPS_TEST_DATA_DIR and share it.
A developer's OPENNPS_DATA_DIR is never used by tests.
"""

from __future__ import annotations

import os
import tempfile

os.environ["OPENNPS_DATA_DIR"] = os.environ.setdefault(
    "OPENNPS_TEST_DATA_DIR", tempfile.mkdtemp(prefix="opennps-test-")
)

from opennps.settings import *  # noqa: F403

# Argon2 is deliberately slow; tests create many users. Production hashing is pinned by a test.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Concurrent runs on one PostgreSQL server must not share (and drop) each other's test database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    run_id = os.path.basename(os.environ["OPENNPS_TEST_DATA_DIR"]).rsplit("-", 1)[-1].lower()
    DATABASES["default"]["TEST"] = {"NAME": f"test_opennps_{run_id}"}  # noqa: F405

# Webhook and SMS tests post to receivers on 127.0.0.1; the guard's own tests turn this off.
OPENNPS_WEBHOOK_ALLOW_PRIVATE = True

# The CLI picks its language from LANGUAGE/LC_ALL/LANG; tests assert English output.
os.environ["LANGUAGE"] = "en"
