"""Lists cost the same number of queries for 3 items as for 30: no query per row."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opennps.surveys.actions import create_survey

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_rate_limit_queries(settings):
    # The rate limit's cache queries vary when its one-minute window rolls over; rows are the point.
    settings.RATELIMIT_ENABLE = False


def _queries(api, path: str) -> int:
    # The key's first request also records its use and starts its rate-limit counter.
    api.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert api.get(path).status_code == 200
    return len(captured.captured_queries)


def test_the_response_list_does_not_query_per_response(admin_a, survey_a, contact_a, make_response):
    for _ in range(3):
        make_response(survey_a, 9, contact=contact_a)
    few = _queries(admin_a, "/api/v1/responses")
    for _ in range(27):
        make_response(survey_a, 9, contact=contact_a)
    assert _queries(admin_a, "/api/v1/responses") == few


def test_the_survey_list_does_not_query_per_survey(admin_a, workspace_a):
    def add(count: int) -> None:
        for index in range(count):
            create_survey(
                workspace_a, name=f"S{index}", brand="Acme", texts={"en": {"question": "?"}}
            )

    add(2)
    few = _queries(admin_a, "/api/v1/surveys")
    add(10)
    assert _queries(admin_a, "/api/v1/surveys") == few
