from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from opennps.comments.models import AnalysisTask
from opennps.comments.taxonomy import add_driver, correct_drivers
from tests.comments.helpers import analysis_of, answer, make_survey, run_worker

PARKING = "Парковка возле магазина всегда занята"


def test_after_a_taxonomy_edit_reanalyse_queues_only_stale_comments_and_the_worker_updates_them(
    team,
) -> None:
    survey = make_survey(team.workspace)
    taught = answer(survey, 4, PARKING)
    same = answer(survey, 5, PARKING)
    price = answer(survey, 2, "Слишком дорого")
    answer(survey, 9)  # no comment: nothing to analyse
    run_worker()
    assert analysis_of(same).drivers == ["other"]

    add_driver(team.workspace.pk, "parking", "Parking", [("The car park is full", "en")])
    correct_drivers(taught, ["parking"])
    output = StringIO()
    call_command("reanalyse", workspace="Shop", stdout=output)
    assert "Shop: 2 comment(s) queued." in output.getvalue()  # not the corrected one
    assert set(
        AnalysisTask.objects.filter(status="pending").values_list("response_id", flat=True)
    ) == {
        same.pk,
        price.pk,
    }

    run_worker()
    assert analysis_of(same).drivers == ["parking"]
    assert analysis_of(price).drivers == ["price"]
    assert analysis_of(taught).corrected


def test_reanalyse_now_with_all_analyses_every_comment_in_this_process(team) -> None:
    survey = make_survey(team.workspace)
    answer(survey, 2, "Слишком дорого")
    answer(survey, 1, "Курьер опоздал на два дня")
    run_worker()
    output = StringIO()
    call_command("reanalyse", "--all", "--now", stdout=output)
    assert "Shop: 2 comment(s) analysed." in output.getvalue()
    assert "Other: 0 comment(s) analysed." in output.getvalue()


def test_an_unknown_workspace_is_refused_by_name(team) -> None:
    with pytest.raises(CommandError, match="Nowhere"):
        call_command("reanalyse", workspace="Nowhere")
