"""The demo's bulk load leaves the rollup exactly as a rebuild from its responses would."""

from __future__ import annotations

import pytest

from opennps.analytics.dashboard_queries import headline, segments
from opennps.analytics.models import Rollup
from opennps.analytics.queries import Filters
from opennps.analytics.rollups import rebuild
from opennps.responses.models import Response
from opennps.stats import Histogram

pytestmark = pytest.mark.django_db


def snapshot():
    return sorted(
        (row.survey_id, row.day, row.channel, row.dimension, row.value, row.counts)
        for row in Rollup.objects.all()
    )


def test_the_demo_rollup_equals_a_rebuild(demo):
    loaded = snapshot()
    assert loaded
    rebuild()
    assert snapshot() == loaded


def test_the_demo_dashboard_numbers_equal_the_raw_scores_with_segments(demo):
    workspace = demo.organisation.workspaces.get(name="Aurora Telecom")
    raw = Histogram.from_scores(
        Response.objects.filter(workspace=workspace).values_list("score", flat=True)
    )
    assert headline(Filters(workspace.pk)) == raw
    regions = dict(segments(Filters(workspace.pk), "region"))
    assert len(regions) >= 3
    assert sum(regions.values(), Histogram.empty()) == raw
