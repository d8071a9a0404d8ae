from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import expected, run_json, write

answers = st.lists(st.one_of(st.integers(0, 10), st.none()), min_size=1, max_size=60).filter(
    lambda values: any(value is not None for value in values)
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=answers, kind=st.sampled_from(["csv", "jsonl", "parquet"]))
def test_the_headline_is_stats_applied_to_the_scores(values, kind):
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), kind, ["score"], [[value] for value in values])

        data = run_json(path)

    scores = [value for value in values if value is not None]
    assert data["headline"] == expected(scores)
    assert data["missing"] == len(values) - len(scores)
