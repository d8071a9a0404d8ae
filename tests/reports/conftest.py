from __future__ import annotations

import pytest

from tests.reports.helpers import Shop, make_shop


@pytest.fixture
def shop(db) -> Shop:
    return make_shop()
