"""Shared setup: an active survey of the team's workspace, with the widget switched on."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache

from opennps.channels_web.models import WidgetSettings
from opennps.surveys.models import Survey
from opennps.surveys.versions import publish_version

SHOP_ORIGIN = "https://shop.example"


@pytest.fixture(autouse=True)
def fresh_rate_limits(db: None) -> None:
    # Rate-limit counters live in the cache table, which flushing between tests does not empty.
    cache.clear()


@pytest.fixture
def survey(team: Any) -> Survey:
    survey = Survey.objects.create(
        workspace=team.workspace,
        name="Main",
        brand="Shop",
        status="active",
        languages=["en", "ru"],
        hidden_attributes=["plan"],
    )
    publish_version(survey)
    return survey


@pytest.fixture
def widget(survey: Survey) -> WidgetSettings:
    return WidgetSettings.objects.create(survey=survey, allowed_origins=[SHOP_ORIGIN])
