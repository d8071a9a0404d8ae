"""`opennps campaign send|show|cancel` and its error messages."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from opennps.distribution.models import Campaign, Delivery, Invitation
from tests.distribution.conftest import run_worker


def _send(capsys, *arguments: str) -> int:
    call_command("campaign", "send", "--channel", "email", *arguments)
    return int(capsys.readouterr().out.strip())


def test_send_prints_the_campaign_id_and_queues_one_invitation_per_contact(
    capsys, survey, make_contacts
):
    make_contacts(3)
    campaign_id = _send(capsys, "--survey", survey.public_id)
    assert Campaign.objects.get().pk == campaign_id
    assert Invitation.objects.filter(campaign_id=campaign_id).count() == 3
    assert Delivery.objects.count() == 3


def test_show_prints_progress_and_the_campaign_is_done_when_sent(
    capsys, smtp_server, survey, make_contacts
):
    make_contacts(2)
    campaign_id = _send(capsys, "--survey", str(survey.pk))
    run_worker()
    call_command("campaign", "show", str(campaign_id))
    out = capsys.readouterr().out
    assert f"Campaign {campaign_id}: done" in out
    assert "sent       2" in out


def test_cancel_stops_the_unsent_messages(capsys, smtp_server, survey, make_contacts):
    make_contacts(2)
    campaign_id = _send(capsys, "--survey", str(survey.pk))
    call_command("campaign", "cancel", str(campaign_id))
    run_worker()
    assert smtp_server.inbox.messages == []
    assert set(Invitation.objects.values_list("status", "token_seed")) == {("cancelled", "")}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--survey", "999999"], "--survey: no survey"),
        (["--segment", "plan"], "--segment: segment part 'plan' is not name=value"),
        (["--segment", "pl an=x"], "--segment: segment attribute"),
        (["--at", "tomorrow"], "--at: not an ISO time"),
    ],
)
def test_bad_arguments_name_the_option(survey, arguments, message):
    if arguments[0] != "--survey":
        arguments = ["--survey", str(survey.pk), *arguments]
    with pytest.raises(CommandError, match=message):
        call_command("campaign", "send", "--channel", "email", *arguments)


def test_a_draft_survey_cannot_be_sent(make_survey, make_contacts):
    draft = make_survey(status="draft")
    with pytest.raises(CommandError, match="activate it first"):
        call_command("campaign", "send", "--survey", str(draft.pk), "--channel", "email")
