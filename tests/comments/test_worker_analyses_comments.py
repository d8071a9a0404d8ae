from __future__ import annotations

from opennps.comments.models import AnalysedDriver, AnalysisTask, CommentAnalysis
from opennps.responses.actions import delete_response, update_followup, update_score
from tests.comments.helpers import analysis_of, answer, make_survey, run_worker


def test_a_russian_comment_about_price_is_analysed_by_the_worker_and_the_page_shows_price(
    team,
) -> None:
    survey = make_survey(team.workspace)
    response = answer(survey, 3, "Слишком дорого, цены выросли")
    assert AnalysisTask.objects.filter(response=response, status="pending").count() == 1
    assert not CommentAnalysis.objects.filter(response=response).exists()

    run_worker()

    analysis = analysis_of(response)
    assert analysis.language == "ru"
    assert analysis.drivers == ["price"]
    assert analysis.methods == {"price": "rule"}
    assert analysis.sentiment == "negative"
    assert analysis.embedding is None  # rules only: no vector to store
    page = team.client_for(team.bob).get(f"/w/{team.workspace.pk}/dashboard/drivers/")
    assert page.status_code == 200
    assert 'data-driver="price"' in page.content.decode()
    assert "encoder-missing" in page.content.decode()


def test_answers_without_a_comment_queue_nothing(team) -> None:
    survey = make_survey(team.workspace)
    answer(survey, 9)
    update_score(answer(survey, 5), 6)
    assert AnalysisTask.objects.count() == 0


def test_a_changed_comment_is_analysed_again_and_an_emptied_one_loses_its_analysis(team) -> None:
    survey = make_survey(team.workspace)
    response = answer(survey, 2, "Курьер опоздал на два дня")
    run_worker()
    assert analysis_of(response).drivers == ["delivery"]

    update_followup(response, comment="Слишком дорого")
    run_worker()
    assert analysis_of(response).drivers == ["price"]
    assert list(
        AnalysedDriver.objects.filter(response=response).values_list("driver", flat=True)
    ) == ["price"]

    update_followup(response, comment="")
    assert not CommentAnalysis.objects.filter(response=response).exists()


def test_a_deleted_response_drops_its_analysis(team) -> None:
    survey = make_survey(team.workspace)
    response = answer(survey, 2, "Курьер опоздал на два дня")
    run_worker()
    delete_response(response)
    assert CommentAnalysis.objects.count() == 0
    assert AnalysedDriver.objects.count() == 0
