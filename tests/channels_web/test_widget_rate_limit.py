"""One address cannot hammer the widget endpoints."""

from __future__ import annotations

from opennps.channels_web.public_json import WIDGET_CALLS_PER_MINUTE
from tests.channels_web.helpers import call


def test_calls_beyond_the_minute_limit_get_429_readable_by_the_page(client, survey, widget):
    statuses = [
        call(client, survey, "eligibility", {"browserId": "d" * 20}).status_code
        for _ in range(WIDGET_CALLS_PER_MINUTE + 1)
    ]
    assert statuses[:-1] == [200] * WIDGET_CALLS_PER_MINUTE
    refused = call(client, survey, "eligibility", {"browserId": "d" * 20})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert refused["Access-Control-Allow-Origin"] == "https://shop.example"
