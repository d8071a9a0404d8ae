"""The demo fills the case inbox, the loop page and the drivers page: the bulk load skips the
response listeners, so the loader opens cases for recent detractors and analyses the comments."""

from __future__ import annotations

import pytest

from opennps.accounts.models import Workspace
from opennps.cases.models import Case, CaseActivity
from opennps.comments.models import AnalysedDriver, CommentAnalysis
from opennps.demo.company import CUSTOMER_WORKSPACE
from opennps.demo.loop import CASE_WINDOW
from opennps.responses.models import Response

from .helpers import NOW

pytestmark = pytest.mark.django_db


def test_recent_detractors_have_cases_in_a_realistic_mix(demo):
    workspace = Workspace.objects.get(name=CUSTOMER_WORKSPACE)
    cases = Case.objects.filter(workspace=workspace)
    recent_detractors = Response.objects.filter(
        workspace=workspace,
        nps_class="detractor",
        survey__kind="customer",
        created_at__gte=NOW - CASE_WINDOW,
    )

    assert cases.count() == recent_detractors.count() > 0
    assert len(set(cases.values_list("status", flat=True))) >= 3
    assert len(set(cases.values_list("assignee", flat=True))) >= 2
    assert CaseActivity.objects.filter(case__workspace=workspace, kind="note").exists()
    for case in cases.exclude(resolved_at=None):
        assert case.opened_at <= case.resolved_at <= NOW
    assert all(case.opened_at <= NOW for case in cases)


def test_every_customer_comment_is_analysed_with_drivers(demo):
    workspace = Workspace.objects.get(name=CUSTOMER_WORKSPACE)
    comments = Response.objects.filter(workspace=workspace).exclude(comment="").count()

    assert CommentAnalysis.objects.filter(workspace=workspace).count() == comments > 0
    drivers = set(
        AnalysedDriver.objects.filter(workspace=workspace).values_list("driver", flat=True)
    )
    assert {"price", "service"} <= drivers


def test_the_drivers_and_loop_pages_show_the_demo(demo, client):
    from opennps.accounts.models import User
    from opennps.demo.company import DEMO_EMAIL

    workspace = Workspace.objects.get(name=CUSTOMER_WORKSPACE)
    client.force_login(User.objects.get(email=DEMO_EMAIL))

    drivers = client.get(f"/w/{workspace.pk}/dashboard/drivers/")
    assert drivers.status_code == 200
    assert 'data-driver="price"' in drivers.content.decode()
