from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from opennps.comments.page import drivers_page
from opennps.responses.models import Response
from opennps.stats import Histogram, summarize
from tests.comments.helpers import answer, make_survey, run_worker

ANSWERS = [
    (2, "Слишком дорого, цены выросли", 40),
    (3, "Too expensive", 40),
    (9, "Great prices", 5),
    (0, "Курьер опоздал на два дня", 5),
    (7, "The delivery was late", 5),
    (10, "", 5),
    (6, "", 40),
]


def test_impact_trend_and_sentiment_equal_a_recount_of_the_raw_answers(team) -> None:
    survey = make_survey(team.workspace)
    now = timezone.now()
    for score, comment, days_ago in ANSWERS:
        answer(survey, score, comment, created_at=now - timedelta(days=days_ago))
    run_worker()

    page = drivers_page(Response.objects.filter(workspace=team.workspace), {})
    rows = {row.impact.driver: row for row in page.rows}
    assert set(rows) == {"price", "delivery"}
    price = rows["price"].impact
    assert price.mentions == 3
    assert price.share == 3 / 5
    assert price.summary == summarize(Histogram.from_scores([2, 3, 9]))
    # Everyone: P=2 (9, 10), D=4 (2, 3, 0, 6), n=7; two price detractors become passives/promoters.
    base = 100 * (2 - 4) / 7
    assert abs(price.impact_to_passive - (100 * (2 - 2) / 7 - base)) < 1e-9
    assert abs(price.impact_to_promoter - (100 * (4 - 2) / 7 - base)) < 1e-9
    delivery = rows["delivery"]
    assert delivery.impact.summary == summarize(Histogram.from_scores([0, 7]))
    assert delivery.sentiment == {"positive": 0, "neutral": 0, "negative": 2}
    assert rows["price"].sentiment["positive"] == 1
    assert sum(cell.mentions for cell in rows["price"].trend) == 3
    assert [cell.summary.n for cell in rows["delivery"].trend if cell.mentions] == [2]
    assert (page.respondents, page.comments, page.analysed) == (7, 5, 5)

    html = team.client_for(team.alice).get(f"/w/{team.workspace.pk}/dashboard/drivers/")
    text = html.content.decode()
    assert f"{price.summary.nps:.1f}" in text
    assert f"+{price.impact_to_passive:.1f}" in text
    assert f"{price.summary.ci_low:.1f} … {price.summary.ci_high:.1f}" in text
