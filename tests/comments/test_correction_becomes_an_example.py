from __future__ import annotations

from opennps.comments.models import DriverExample
from tests.comments.helpers import analysis_of, answer, make_survey, run_worker

COMMENT = "Парковка возле магазина всегда занята"


def test_a_correction_shows_at_once_and_changes_a_later_classification(team) -> None:
    survey = make_survey(team.workspace)
    first = answer(survey, 4, COMMENT)
    run_worker()
    assert analysis_of(first).drivers == ["other"]
    dana = team.client_for(team.dana)
    base = f"/w/{team.workspace.pk}"

    added = dana.post(
        f"{base}/drivers/add/",
        {
            "key": "parking",
            "label": "Parking",
            "language": "en",
            "examples": "No parking spaces near the shop\nThe car park is always full",
        },
    )
    assert added.status_code == 302
    corrected = dana.post(
        f"{base}/responses/{first.pk}/drivers/",
        {"drivers": ["parking"], "next": f"{base}/responses/"},
    )
    assert corrected.status_code == 302
    assert corrected["Location"] == f"{base}/responses/"
    analysis = analysis_of(first)
    assert analysis.drivers == ["parking"]
    assert analysis.methods == {"parking": "correction"}
    assert analysis.corrected
    example = DriverExample.objects.get(source="correction")
    assert (example.drivers, example.text, example.language) == (["parking"], COMMENT, "ru")

    later = answer(survey, 3, COMMENT + "!")
    run_worker()
    assert analysis_of(later).drivers == ["parking"]

    page = dana.get(f"{base}/responses/?driver=parking")
    assert page.status_code == 200
    assert page.content.decode().count('data-driver="parking"') >= 2


def test_a_correction_to_an_unknown_driver_is_refused_with_a_message(team) -> None:
    survey = make_survey(team.workspace)
    response = answer(survey, 4, COMMENT)
    run_worker()
    client = team.client_for(team.alice)
    reply = client.post(
        f"/w/{team.workspace.pk}/responses/{response.pk}/drivers/",
        {"drivers": ["nonsense"]},
        follow=True,
    )
    assert "nonsense" in reply.content.decode()
    assert analysis_of(response).drivers == ["other"]
    assert not DriverExample.objects.exists()
