"""Loading twice changes nothing; a reset reloads the demo organisation and touches nothing else."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from opennps.accounts.actions.setup import create_admin
from opennps.accounts.models import Organisation, User, Workspace
from opennps.alerts.models import AlertRule, WebhookDelivery
from opennps.channels_web.models import Kiosk
from opennps.contacts.models import Contact
from opennps.demo.company import CUSTOMER_WORKSPACE, DEMO_ORGANISATION
from opennps.demo.loader import DemoConflictError, load_demo
from opennps.distribution.models import Campaign, Event, Invitation
from opennps.reports.models import ReportDelivery
from opennps.responses.models import Response

from .helpers import NOW, SEED, SMALL


def table_sizes():
    return {
        model.__name__: model.objects.count()
        for model in (
            *(Organisation, Workspace, User, Contact, Invitation, Response),
            *(Campaign, Event, Kiosk, AlertRule, WebhookDelivery, ReportDelivery),
        )
    }


@pytest.mark.django_db
def test_a_second_load_finds_the_demo_and_changes_nothing(fresh_demo):
    before = table_sizes()
    again = load_demo(responses=SMALL, seed=SEED, now=NOW)
    assert not again.loaded
    assert again.organisation == fresh_demo.organisation
    assert table_sizes() == before


@pytest.mark.django_db
def test_a_reset_reloads_the_demo_and_leaves_other_organisations_alone(fresh_demo):
    alice = create_admin("alice@example.com", "a-long-password", "Alice's shop")
    before = table_sizes()
    reloaded = load_demo(responses=SMALL, seed=SEED, now=NOW, reset=True)
    assert reloaded.loaded
    assert table_sizes() == before
    assert not Organisation.objects.filter(pk=fresh_demo.organisation.pk).exists()
    assert Organisation.objects.filter(name=DEMO_ORGANISATION).count() == 1
    assert Workspace.objects.filter(pk=alice.workspace.pk).exists()
    assert alice.user.memberships.get().workspace == alice.workspace


@pytest.mark.django_db
def test_it_refuses_to_take_over_a_workspace_with_a_demo_name():
    create_admin("alice@example.com", "a-long-password", CUSTOMER_WORKSPACE)
    with pytest.raises(DemoConflictError, match="already exists outside the demo"):
        load_demo(responses=SMALL, seed=SEED, now=NOW)
    assert not Organisation.objects.filter(name=DEMO_ORGANISATION).exists()


@pytest.mark.django_db
def test_the_command_says_when_the_data_is_already_loaded(capsys):
    call_command("demo_data", "--responses", str(SMALL))
    first = capsys.readouterr().out
    assert f"{SMALL:,} responses" in first
    assert "demo@opennps.local / aurora-demo" in first
    call_command("demo_data", "--responses", str(SMALL))
    assert "Demo data already loaded" in capsys.readouterr().out
    assert Response.objects.count() == SMALL


@pytest.mark.django_db
def test_the_command_rejects_too_few_responses_and_a_bad_email():
    with pytest.raises(CommandError, match="--responses must be at least 100"):
        call_command("demo_data", "--responses", "10")
    with pytest.raises(CommandError, match="not a valid e-mail address"):
        call_command("demo_data", "--email", "nobody")
    assert not Organisation.objects.exists()
