"""eNPS rows never point at a person: no contact, no invitation, no browser key, coarse groups only."""

from __future__ import annotations

import pytest

from opennps.demo.company import EMPLOYEE_WORKSPACE
from opennps.responses.models import Response


@pytest.mark.django_db
def test_enps_rows_carry_no_contact_invitation_or_browser_key(demo):
    rows = Response.objects.filter(survey__kind="employee")
    assert rows.count() == demo.responses["Quarterly eNPS pulse"] > 0
    assert not rows.filter(contact__isnull=False).exists()
    assert not rows.filter(invitation__isnull=False).exists()
    assert not rows.exclude(respondent_key="").exists()
    assert {row.workspace.name for row in rows.select_related("workspace")} == {EMPLOYEE_WORKSPACE}


@pytest.mark.django_db
def test_enps_attributes_are_only_department_tenure_and_office(demo):
    for attributes in Response.objects.filter(survey__kind="employee").values_list(
        "attributes", flat=True
    ):
        assert set(attributes) == {"department", "tenure", "office"}
