"""An open link takes a limited number of answers per IP a day; all public POSTs are throttled."""

from __future__ import annotations

from django.test import Client

from opennps.responses.models import Response
from opennps.responses.views.guards import PUBLIC_POSTS_PER_MINUTE
from tests.responses.helpers import html_of


def answer_from_new_browser(survey, score="7", address="203.0.113.5"):
    return Client(REMOTE_ADDR=address).post(f"/s/{survey.public_id}", {"score": score})


def test_answers_beyond_the_daily_limit_per_address_get_a_friendly_429(make_survey):
    survey = make_survey(daily_answers_per_ip=2)
    assert answer_from_new_browser(survey).status_code == 303
    assert answer_from_new_browser(survey).status_code == 303
    refused = answer_from_new_browser(survey)
    assert refused.status_code == 429
    assert "Too many answers from your network today" in html_of(refused)
    assert Response.objects.count() == 2


def test_another_address_is_not_affected(make_survey):
    survey = make_survey(daily_answers_per_ip=1)
    answer_from_new_browser(survey, address="203.0.113.5")
    assert answer_from_new_browser(survey, address="198.51.100.7").status_code == 303
    assert Response.objects.count() == 2


def test_the_daily_limit_is_counted_per_survey(make_survey):
    first, second = make_survey(daily_answers_per_ip=1), make_survey(daily_answers_per_ip=1)
    answer_from_new_browser(first)
    assert answer_from_new_browser(second).status_code == 303


def test_the_daily_limit_does_not_apply_to_personal_links(make_survey, invite):
    survey = make_survey(daily_answers_per_ip=1)
    answer_from_new_browser(survey)
    for number in range(3):
        token = invite(survey, email=f"person{number}@client.example")
        assert (
            Client(REMOTE_ADDR="203.0.113.5").post(f"/r/{token}", {"score": "9"}).status_code == 303
        )
    assert Response.objects.count() == 4


def test_a_flood_of_posts_from_one_address_is_stopped(make_survey):
    survey = make_survey(daily_answers_per_ip=1000)
    client = Client(REMOTE_ADDR="203.0.113.9")
    # The counter's window is one minute; if the flood straddles a window edge the count restarts
    # once, so the limit must bite within two windows' worth of posts.
    answered = 0
    for _ in range(2 * PUBLIC_POSTS_PER_MINUTE + 1):
        page = client.post(f"/s/{survey.public_id}", {"score": str(answered % 11)})
        if page.status_code == 429:
            break
        answered += 1
    assert page.status_code == 429
    assert answered >= PUBLIC_POSTS_PER_MINUTE
    assert page.headers["Retry-After"] == "60"
    assert "Please slow down" in html_of(page)
    # Everything accepted came from one browser: still one response, never a flood of rows.
    assert Response.objects.count() == 1


def test_a_daily_limit_of_zero_means_no_limit(make_survey):
    survey = make_survey(daily_answers_per_ip=0)
    for _ in range(3):
        assert answer_from_new_browser(survey).status_code == 303
