"""The story is in the data: Almaty's price rise, the dip, and the recovery after the loyalty launch."""

from __future__ import annotations

import pytest

from opennps.demo.phrases import BANKS
from opennps.demo.story import LOYALTY_LAUNCH_DAYS_AGO, PRICE_RISE_DAYS_AGO, STORY_REGION
from opennps.demo.timing import DAY
from opennps.responses.models import Response
from opennps.stats import Histogram, compare_independent

from .helpers import NOW


def almaty_between(days_ago_from, days_ago_to):
    return Response.objects.filter(
        survey__kind="customer",
        attributes__region=STORY_REGION,
        created_at__gte=NOW - days_ago_from * DAY,
        created_at__lt=NOW - days_ago_to * DAY,
    )


def histogram(rows):
    return Histogram.from_scores(rows.values_list("score", flat=True))


# The dip: from two weeks after the price rise (it takes that long to bite) to the launch.
DIP = (PRICE_RISE_DAYS_AGO - 14, LOYALTY_LAUNCH_DAYS_AGO)
BEFORE = (PRICE_RISE_DAYS_AGO + 180, PRICE_RISE_DAYS_AGO)
RECOVERED = (120, 0)


@pytest.mark.django_db
def test_nps_in_the_dip_months_is_significantly_lower_than_before(demo):
    change = compare_independent(
        histogram(almaty_between(*BEFORE)), histogram(almaty_between(*DIP))
    )
    assert change.n_baseline >= 60 and change.n_other >= 30
    assert change.significant
    assert change.difference < -25


@pytest.mark.django_db
def test_nps_recovers_after_the_loyalty_programme(demo):
    change = compare_independent(
        histogram(almaty_between(*DIP)), histogram(almaty_between(*RECOVERED))
    )
    assert change.significant
    assert change.difference > 25


@pytest.mark.django_db
def test_price_complaints_peak_in_the_dip(demo):
    def price_complaint_share(rows):
        comments = list(rows.exclude(comment="").values_list("language", "comment"))
        complaints = sum(
            any(sentence in comment for sentence in BANKS[language].CUSTOMER["price"]["negative"])
            for language, comment in comments
        )
        return complaints / len(comments)

    before = price_complaint_share(almaty_between(*BEFORE))
    dip = price_complaint_share(almaty_between(*DIP))
    assert dip > 0.4
    assert dip > 3 * before


@pytest.mark.django_db
def test_the_dip_belongs_to_almaty_alone(demo):
    elsewhere = Response.objects.filter(survey__kind="customer").exclude(
        attributes__region=STORY_REGION
    )

    def between(days_ago_from, days_ago_to):
        return elsewhere.filter(
            created_at__gte=NOW - days_ago_from * DAY, created_at__lt=NOW - days_ago_to * DAY
        )

    change = compare_independent(histogram(between(*BEFORE)), histogram(between(*DIP)))
    assert not (change.significant and change.difference < 0)
