"""Loaded before Django's settings: keep every test run away from a real data directory."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("OPENNPS_DATA_DIR", tempfile.mkdtemp(prefix="opennps-test-"))
