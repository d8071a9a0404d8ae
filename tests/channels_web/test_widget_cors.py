"""Only the websites a survey allows may use its widget endpoints (CORS, without credentials)."""

from __future__ import annotations

from opennps.responses.models import Response
from tests.channels_web.conftest import SHOP_ORIGIN
from tests.channels_web.helpers import call


def preflight(client, survey, origin):
    return client.options(
        f"/w/{survey.public_id}/answer",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )


def test_the_preflight_of_an_allowed_origin_names_that_origin(client, survey, widget):
    response = preflight(client, survey, SHOP_ORIGIN)
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == SHOP_ORIGIN
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert response["Access-Control-Allow-Headers"] == "Content-Type"
    assert "Access-Control-Allow-Credentials" not in response
    assert "Origin" in response["Vary"]


def test_the_preflight_of_another_origin_is_refused_without_cors_headers(client, survey, widget):
    response = preflight(client, survey, "https://evil.example")
    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response


def test_a_post_from_another_origin_is_refused_and_stores_nothing(client, survey, widget):
    response = call(
        client, survey, "answer", {"score": 9, "browserId": "b" * 20}, "https://evil.example"
    )
    assert response.status_code == 403
    assert response.json()["field"] == "origin"
    assert "Access-Control-Allow-Origin" not in response
    assert not Response.objects.exists()


def test_an_allowed_post_may_be_read_by_that_origin_only(client, survey, widget):
    response = call(client, survey, "answer", {"score": 9, "browserId": "b" * 20})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == SHOP_ORIGIN
    assert "Access-Control-Allow-Credentials" not in response
    assert not response.cookies


def test_an_origin_differing_only_in_port_or_scheme_is_refused(client, survey, widget):
    for origin in ("http://shop.example", "https://shop.example:8443", "https://shop.example.evil"):
        assert preflight(client, survey, origin).status_code == 403
