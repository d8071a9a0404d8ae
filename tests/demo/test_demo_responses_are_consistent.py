"""Every stored response is internally consistent: class, language, version, dates."""

from __future__ import annotations

import pytest
from django.db.models import F

from opennps.demo.company import RELATIONSHIP
from opennps.demo.timing import DAY
from opennps.responses.models import Response
from opennps.stats import classify
from opennps.surveys.wording import SUPPORTED_LANGUAGES

from .helpers import NOW, is_written_in


@pytest.mark.django_db
def test_every_score_is_stored_with_its_class(demo):
    rows = list(Response.objects.values_list("score", "nps_class"))
    assert len(rows) == sum(demo.responses.values())
    assert all(nps_class == str(classify(score)) for score, nps_class in rows)
    assert {nps_class for _, nps_class in rows} == {"promoter", "passive", "detractor"}


@pytest.mark.django_db
def test_every_comment_is_in_one_of_the_five_languages(demo):
    rows = Response.objects.values_list("language", "comment")
    assert {language for language, _ in rows} == set(SUPPORTED_LANGUAGES)
    for language, comment in rows:
        assert language in SUPPORTED_LANGUAGES
        assert not comment or is_written_in(comment, language)


@pytest.mark.django_db
def test_responses_answer_the_version_that_was_live_and_only_it_asks_the_third_question(demo):
    since = NOW - RELATIONSHIP.third_question_since_days_ago * DAY
    relationship = Response.objects.filter(survey__name=RELATIONSHIP.name).select_related("version")
    assert {row.version.number for row in relationship} == {1, 2}
    for row in relationship:
        assert row.version.survey_id == row.survey_id
        assert row.version.number == (2 if row.created_at >= since else 1)
        assert row.version.content["ask_third_question"] == (row.version.number == 2)
        assert not row.third_answer or row.version.number == 2
    assert relationship.exclude(third_answer="").exists()
    assert (
        not Response.objects.exclude(survey__name=RELATIONSHIP.name)
        .exclude(third_answer="")
        .exists()
    )


@pytest.mark.django_db
def test_responses_are_spread_over_eighteen_months_up_to_now(demo):
    rows = Response.objects.all()
    earliest = rows.order_by("created_at").first().created_at
    latest = rows.order_by("-updated_at").first().updated_at
    assert 500 <= (NOW - earliest) / DAY <= 548
    assert latest <= NOW
    assert not rows.filter(updated_at__lt=F("created_at")).exists()
    months = {(row.year, row.month) for row in rows.dates("created_at", "month")}
    assert len(months) >= 18
