"""Calling the widget's JSON endpoints the way a browser on another website does."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from tests.channels_web.conftest import SHOP_ORIGIN


def call(client: Client, survey: Any, endpoint: str, body: Any, origin: str = SHOP_ORIGIN) -> Any:
    raw = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(
        f"/w/{survey.public_id}/{endpoint}",
        raw,
        content_type="application/json",
        headers={"Origin": origin},
    )
