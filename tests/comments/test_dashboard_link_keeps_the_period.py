from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

from django.utils import timezone

from tests.comments.helpers import answer, make_survey, run_worker


def test_drivers_link_on_the_dashboard_counts_the_same_period_as_the_dashboard(team) -> None:
    survey = make_survey(team.workspace)
    now = timezone.now()
    answer(survey, 2, "Too expensive", created_at=now - timedelta(days=200))
    answer(survey, 3, "The delivery was late", created_at=now - timedelta(days=5))
    run_worker()
    client = team.client_for(team.alice)

    dashboard = client.get(f"/w/{team.workspace.pk}/dashboard/").content.decode()
    link = unescape(re.search(r'href="([^"]*)" id="drivers-link"', dashboard).group(1))
    drivers = client.get(link).content.decode()

    assert "from=" in link and "to=" in link
    assert "Respondents: 1 · with a comment: 1 · analysed: 1" in drivers
