"""Hidden attributes from the link's query string: only the whitelisted keys, cleaned and capped."""

from __future__ import annotations

import pytest

from opennps.responses.models import Response
from tests.responses.helpers import html_of


@pytest.fixture
def store_survey(make_survey):
    return make_survey(hidden_attributes=["store", "agent"])


def test_whitelisted_attributes_are_kept_with_the_answer(client, store_survey):
    client.post(f"/s/{store_survey.public_id}?store=12&agent=olga", {"score": "7"})
    assert Response.objects.get().attributes == {"store": "12", "agent": "olga"}


def test_keys_outside_the_whitelist_are_dropped(client, store_survey):
    client.post(f"/s/{store_survey.public_id}?store=12&email=a@b.example&utm=x", {"score": "7"})
    assert Response.objects.get().attributes == {"store": "12"}


def test_a_survey_without_a_whitelist_keeps_nothing(client, survey):
    client.post(f"/s/{survey.public_id}?store=12", {"score": "7"})
    assert Response.objects.get().attributes == {}


def test_values_are_trimmed_cleaned_and_cut_to_200_characters(client, store_survey):
    long_value = "x" * 300
    client.post(
        f"/s/{store_survey.public_id}?store=%20%2012%00%0a%20&agent={long_value}", {"score": "7"}
    )
    attributes = Response.objects.get().attributes
    assert attributes["store"] == "12"
    assert attributes["agent"] == "x" * 200


def test_empty_values_are_left_out(client, store_survey):
    client.post(f"/s/{store_survey.public_id}?store=%20&agent=", {"score": "7"})
    assert Response.objects.get().attributes == {}


def test_the_form_carries_the_whitelisted_attributes_to_the_post(client, store_survey):
    html = html_of(client.get(f"/s/{store_survey.public_id}?store=12&secret=no"))
    assert f'action="/s/{store_survey.public_id}?store=12"' in html


def test_a_language_switch_keeps_the_attributes(client, store_survey):
    html = html_of(client.get(f"/s/{store_survey.public_id}?store=12"))
    assert f'href="/s/{store_survey.public_id}?store=12&amp;lang=ru"' in html
