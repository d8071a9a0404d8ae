"""Loaded before Django's settings: every test run gets its own data directory.

Unconditional on purpose: a developer's OPENNPS_DATA_DIR must never receive test databases.
Worker processes started by tests inherit it, and so find the same test database.
"""

from __future__ import annotations

import os
import tempfile

os.environ["OPENNPS_DATA_DIR"] = tempfile.mkdtemp(prefix="opennps-test-")
