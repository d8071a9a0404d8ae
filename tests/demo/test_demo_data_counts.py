"""One organisation, two workspaces, three surveys, members with roles, contacts and the responses."""

from __future__ import annotations

import pytest
from django.db.models import F

from opennps.accounts.models import Membership, Organisation, User, Workspace
from opennps.contacts.models import Contact
from opennps.demo.company import (
    CUSTOMER_WORKSPACE,
    DEMO_EMAIL,
    DEMO_ORGANISATION,
    DEMO_PASSWORD,
    EMPLOYEE_WORKSPACE,
    responses_per_survey,
)
from opennps.distribution.models import Invitation
from opennps.responses.models import Response
from opennps.surveys.models import Survey

from .helpers import SMALL


@pytest.mark.django_db
def test_each_survey_gets_its_share_of_the_responses(demo):
    expected = responses_per_survey(SMALL)
    assert expected == {"relationship": 900, "enps": 45, "purchase": 555}
    counts = {
        survey.name: survey.responses.count()
        for survey in Survey.objects.filter(workspace__organisation=demo.organisation)
    }
    assert counts == {
        "Relationship NPS": expected["relationship"],
        "After your purchase": expected["purchase"],
        "Quarterly eNPS pulse": expected["enps"],
    }
    assert Response.objects.count() == SMALL
    assert demo.responses == counts


@pytest.mark.django_db
def test_one_organisation_holds_a_customer_and_an_employee_workspace(demo):
    assert Organisation.objects.get() == demo.organisation
    assert demo.organisation.name == DEMO_ORGANISATION
    workspaces = {workspace.name: workspace for workspace in Workspace.objects.all()}
    assert set(workspaces) == {CUSTOMER_WORKSPACE, EMPLOYEE_WORKSPACE}
    kinds = {
        (survey.workspace.name, survey.kind, survey.status)
        for survey in Survey.objects.select_related("workspace")
    }
    assert kinds == {
        (CUSTOMER_WORKSPACE, "customer", "active"),
        (EMPLOYEE_WORKSPACE, "employee", "active"),
    }
    assert Survey.objects.filter(workspace=workspaces[CUSTOMER_WORKSPACE]).count() == 2


@pytest.mark.django_db
def test_the_owner_signs_in_and_colleagues_have_other_roles(demo, client):
    owner = User.objects.get(email=DEMO_EMAIL)
    assert owner.check_password(DEMO_PASSWORD)
    assert set(Membership.objects.filter(user=owner).values_list("workspace__name", "role")) == {
        (CUSTOMER_WORKSPACE, "owner"),
        (EMPLOYEE_WORKSPACE, "owner"),
    }
    customer_roles = set(
        Membership.objects.filter(workspace__name=CUSTOMER_WORKSPACE).values_list("role", flat=True)
    )
    assert customer_roles == {"owner", "analyst", "viewer"}
    assert client.login(username=DEMO_EMAIL, password=DEMO_PASSWORD)


@pytest.mark.django_db
def test_customer_responses_link_contacts_and_invitations_of_their_workspace(demo):
    customer = Workspace.objects.get(name=CUSTOMER_WORKSPACE)
    assert Contact.objects.filter(workspace=customer).count() == demo.contacts > 0
    linked = Response.objects.filter(workspace=customer, contact__isnull=False)
    assert linked.exists()
    assert not linked.exclude(contact__workspace=customer).exists()
    invited = Response.objects.filter(invitation__isnull=False)
    assert invited.count() == Invitation.objects.filter(responded=True).count()
    assert not invited.exclude(invitation__contact=F("contact")).exists()
    # Some invitations went unanswered, so a response rate can be shown.
    assert Invitation.objects.filter(responded=False).exists()
