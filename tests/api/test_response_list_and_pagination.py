"""GET /api/v1/responses: filters, newest first, and a cursor that never repeats or skips a row."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from opennps.responses.models import Response

pytestmark = pytest.mark.django_db

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def _ids(body) -> list[int]:
    return [item["id"] for item in body["items"]]


def test_responses_are_listed_newest_first_with_every_field(admin_a, survey_a, response_a):
    later = admin_a.post(f"/api/v1/surveys/{survey_a.pk}/responses", {"score": 10}).json()
    body = admin_a.get("/api/v1/responses").json()
    assert _ids(body) == [later["id"], response_a.pk]
    assert body["next"] is None
    first = body["items"][1]
    assert set(first) == {
        "id", "survey_id", "score", "class", "comment", "third_answer", "answers", "channel",
        "language", "attributes", "contact", "version", "created_at", "updated_at",
    }  # fmt: skip
    assert first["contact"]["external_id"] == "c-42"


def test_filters_narrow_the_list(admin_a, survey_a, enps_a, make_response):
    old = make_response(survey_a, 2, channel="email", created_at=T0, attributes={"store": 12})
    mid = make_response(survey_a, 8, created_at=T0 + timedelta(days=10), attributes={"store": "7"})
    new = make_response(enps_a, 10, created_at=T0 + timedelta(days=20))

    def listed(**params) -> list[int]:
        response = admin_a.get("/api/v1/responses", params)
        assert response.status_code == 200, response.json()
        return _ids(response.json())

    assert listed() == [new.pk, mid.pk, old.pk]
    assert listed(survey=survey_a.pk) == [mid.pk, old.pk]
    assert listed(**{"from": "2024-05-11"}) == [new.pk, mid.pk]
    assert listed(to="2024-05-11") == [mid.pk, old.pk]
    assert listed(**{"from": "2024-05-11", "to": "2024-05-11"}) == [mid.pk]
    assert listed(**{"class": "detractor"}) == [old.pk]
    assert listed(channel="email") == [old.pk]
    # Attribute values match whether the caller stored the number 12 or the text "12".
    assert listed(attribute="store:12") == [old.pk]
    assert listed(attribute="store:7") == [mid.pk]
    assert listed(attribute=["store:7", "store:12"]) == []
    assert listed(attribute="contains:12") == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 501}, "query.limit"),
        ({"limit": 0}, "query.limit"),
        ({"cursor": "not-a-cursor"}, "query.cursor"),
        ({"from": "May 1st"}, "query.from"),
        ({"class": "fan"}, "query.class"),
        ({"attribute": "store"}, "query.attribute"),
        ({"survey": "first"}, "query.survey"),
    ],
)
def test_bad_list_parameters_are_422_naming_them(admin_a, params, field):
    response = admin_a.get("/api/v1/responses", params)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


def test_from_after_to_is_refused(admin_a):
    response = admin_a.get("/api/v1/responses", {"from": "2024-05-02", "to": "2024-05-01"})
    assert response.status_code == 422
    assert "swap" in response.json()["errors"][0]["message"]


def test_a_cursor_walk_sees_every_row_exactly_once_while_responses_arrive(
    admin_a, survey_a, make_response
):
    # Pairs share a timestamp, so the walk must break ties by id.
    existing = {
        make_response(survey_a, index % 11, created_at=T0 + timedelta(hours=index // 2)).pk
        for index in range(23)
    }
    seen: list[int] = []
    cursor = None
    pages = 0
    imported_into_the_unread_part = None
    while True:
        params = {"limit": 5, **({"cursor": cursor} if cursor else {})}
        body = admin_a.get("/api/v1/responses", params).json()
        seen.extend(_ids(body))
        pages += 1
        # Answers arrive during the walk: live ones (newer than everything, so not part of it)
        # and back-dated imports, both into the part already read and into the part ahead.
        make_response(survey_a, 9)
        make_response(survey_a, 9, created_at=T0 + timedelta(hours=11, minutes=30))
        if imported_into_the_unread_part is None:
            imported_into_the_unread_part = make_response(
                survey_a, 1, created_at=T0 - timedelta(days=1)
            ).pk
        cursor = body["next"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen))
    assert set(seen) == existing | {imported_into_the_unread_part}
    assert pages == 5
    assert Response.objects.count() == 23 + 2 * pages + 1


def test_the_default_page_is_100_and_the_cursor_continues_it(admin_a, survey_a, make_response):
    for index in range(120):
        make_response(survey_a, 7, created_at=T0 + timedelta(minutes=index))
    first = admin_a.get("/api/v1/responses").json()
    assert len(first["items"]) == 100
    second = admin_a.get("/api/v1/responses", {"cursor": first["next"]}).json()
    assert len(second["items"]) == 20
    assert second["next"] is None
    assert set(_ids(first)).isdisjoint(_ids(second))
