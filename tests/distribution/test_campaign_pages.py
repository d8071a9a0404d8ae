"""The campaign pages: create, preview, test-send, watch progress, cancel; roles and isolation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from opennps.contacts.models import Contact
from opennps.distribution.campaigns import queue_campaign
from opennps.distribution.models import Campaign, DistributionSettings, Invitation
from opennps.surveys.models import Survey
from opennps.surveys.versions import publish_version
from tests.distribution.conftest import run_worker


@pytest.fixture
def shop(team):
    DistributionSettings.objects.create(
        workspace=team.workspace, quiet_hours_start=0, quiet_hours_end=0
    )
    survey = Survey.objects.create(
        workspace=team.workspace, name="Main", brand="Shop", status="active", languages=["en", "ru"]
    )
    publish_version(survey)
    for i, plan in enumerate(["pro", "pro", "free"]):
        Contact.objects.create(
            workspace=team.workspace, email=f"c{i}@client.example", attributes={"plan": plan}
        )
    return survey


def base(team) -> str:
    return f"/w/{team.workspace.pk}/campaigns/"


def test_an_analyst_queues_a_campaign_for_a_segment_and_watches_it_progress(
    smtp_server, team, shop
):
    client = team.client_for(team.dana)
    page = client.post(
        base(team) + "new/", {"survey": shop.pk, "channel": "email", "segment": "plan=pro"}
    )
    campaign = Campaign.objects.get()
    assert page.status_code == 302
    assert page["Location"] == f"{base(team)}{campaign.pk}/"
    assert campaign.contacts_count == 2
    assert campaign.created_by == team.dana
    detail = client.get(page["Location"]).content.decode()
    assert 'data-status="queued"><td>Queued</td><td>2</td>' in detail

    run_worker()
    assert len(smtp_server.inbox.wait_for(2)) == 2
    Invitation.objects.filter(pk=Invitation.objects.first().pk).update(
        status="responded", responded=True
    )
    detail = client.get(page["Location"]).content.decode()
    assert 'data-status="sent"><td>Sent</td><td>1</td>' in detail
    assert 'data-status="responded"><td>Responded</td><td>1</td>' in detail
    assert "50.0% (n = 2)" in detail
    assert "Done" in detail


def test_a_bad_segment_is_shown_on_the_form(team, shop):
    page = team.client_for(team.alice).post(
        base(team) + "new/", {"survey": shop.pk, "channel": "email", "segment": "plan"}
    )
    assert page.status_code == 400
    assert "is not name=value" in page.content.decode()
    assert Campaign.objects.count() == 0


def test_the_preview_shows_the_message_in_each_language(team, shop):
    client = team.client_for(team.dana)
    email = client.get(base(team) + "preview/", {"survey": shop.pk, "channel": "email"})
    html = email.content.decode()
    assert email.status_code == 200
    assert 'lang="en"' in html and 'lang="ru"' in html
    assert "A quick question from Shop" in html
    sms = client.get(
        base(team) + "preview/", {"survey": shop.pk, "channel": "sms"}
    ).content.decode()
    assert "1 segment(s)" in sms


def test_a_test_message_goes_to_the_person_who_asked(smtp_server, team, shop):
    page = team.client_for(team.dana).post(
        base(team) + "test/", {"survey": shop.pk, "language": "ru"}
    )
    assert page.status_code == 200
    [message] = smtp_server.inbox.wait_for(1)
    assert message["To"] == "dana@example.com"
    assert message["Subject"].strip().startswith("[Test]")
    assert message["Content-Language"] == "ru"
    assert Invitation.objects.count() == 0


def test_a_scheduled_campaign_can_be_cancelled_before_it_sends(smtp_server, team, shop):
    campaign = queue_campaign(shop, "email", scheduled_at=timezone.now() + timedelta(days=1))
    client = team.client_for(team.dana)
    assert "Cancel campaign" in client.get(f"{base(team)}{campaign.pk}/").content.decode()
    client.post(f"{base(team)}{campaign.pk}/cancel/")
    campaign.refresh_from_db()
    assert campaign.status == "cancelled"
    assert set(Invitation.objects.values_list("status", flat=True)) == {"cancelled"}


def test_a_viewer_reads_but_cannot_create_test_or_cancel(smtp_server, team, shop):
    campaign = queue_campaign(shop, "email")
    client = team.client_for(team.bob)
    assert client.get(base(team)).status_code == 200
    detail = client.get(f"{base(team)}{campaign.pk}/")
    assert detail.status_code == 200
    assert "Cancel campaign" not in detail.content.decode()
    assert client.get(base(team) + "new/").status_code == 404
    assert client.post(base(team) + "test/", {"survey": shop.pk}).status_code == 404
    assert client.post(f"{base(team)}{campaign.pk}/cancel/").status_code == 404
    campaign.refresh_from_db()
    assert campaign.status != "cancelled"
    assert smtp_server.inbox.messages == []


def test_another_workspaces_campaigns_do_not_exist_for_you(team, shop):
    campaign = queue_campaign(shop, "email")
    charlie = team.client_for(team.charlie)
    assert charlie.get(base(team)).status_code == 404
    assert charlie.get(f"{base(team)}{campaign.pk}/").status_code == 404
    other = f"/w/{team.other_workspace.pk}/campaigns/"
    assert charlie.get(f"{other}{campaign.pk}/").status_code == 404
    assert charlie.post(f"{other}{campaign.pk}/cancel/").status_code == 404
    assert charlie.get(other + "preview/", {"survey": shop.pk}).status_code == 404
    assert team.client_for(None).get(base(team)).status_code == 302


def test_the_menu_links_to_campaigns(team, shop):
    page = team.client_for(team.bob).get(base(team)).content.decode()
    assert f'href="{base(team)}" aria-current="page">Campaigns' in page
