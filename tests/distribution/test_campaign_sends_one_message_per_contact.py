"""A campaign of N contacts sends N complete messages through a real SMTP server."""

from __future__ import annotations

from django.core.management import call_command

from opennps.accounts.models import hash_secret
from opennps.distribution.campaigns import progress, queue_campaign
from opennps.distribution.models import Campaign, Invitation
from opennps.distribution.tokens import token_from_seed
from tests.distribution.conftest import run_worker
from tests.distribution.helpers import parts, score_links


def test_each_contact_gets_one_message_with_both_parts_and_eleven_score_links(
    smtp_server, survey, make_contacts
):
    contacts = make_contacts(5)
    campaign = queue_campaign(survey, "email")
    run_worker()
    messages = smtp_server.inbox.wait_for(5)
    assert sorted(m["To"] for m in messages) == sorted(c.email for c in contacts)
    for message in messages:
        text, html = parts(message)
        html_links = score_links(html)
        assert [score for _, score in html_links] == list(range(11))
        assert [score for _, score in score_links(text)] == list(range(11))
        assert len({token for token, _ in html_links}) == 1  # one personal token per message
        assert "How likely is it that you would recommend Shop" in html
        assert message["List-Unsubscribe"].strip().startswith("<https://nps.example/u/")
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message["Message-ID"]
    assert Invitation.objects.filter(campaign=campaign, status="sent").count() == 5
    assert progress(campaign)["sent"] == 5
    assert Campaign.objects.get().status == "done"


def test_the_link_in_the_message_is_the_invitation_token_and_only_its_hash_is_kept(
    smtp_server, survey, make_contacts
):
    make_contacts(1)
    queue_campaign(survey, "email")
    run_worker()
    (message,) = smtp_server.inbox.wait_for(1)
    token = score_links(parts(message)[1])[0][0]
    invitation = Invitation.objects.get()
    assert invitation.token_hash == hash_secret(token)
    # With the default reminder the seed stays until the reminder; without one it is gone.
    assert token_from_seed(invitation.token_seed) == token


def test_a_message_is_in_the_contact_language(smtp_server, survey, make_contacts):
    make_contacts(1, prefix="ru", language="ru")
    make_contacts(1, prefix="en", language="en")
    queue_campaign(survey, "email")
    run_worker()
    messages = {m["To"]: m for m in smtp_server.inbox.wait_for(2)}
    russian = messages["ru0@client.example"]
    assert russian["Content-Language"] == "ru"
    assert '<html lang="ru">' in parts(russian)[1]
    assert messages["en0@client.example"]["Content-Language"] == "en"
    assert parts(russian)[1] != parts(messages["en0@client.example"])[1]


def test_the_segment_picks_contacts_by_attribute_and_language(
    smtp_server, survey, make_contacts, capsys
):
    make_contacts(2, prefix="gold", attributes={"plan": "gold"}, language="ru")
    make_contacts(2, prefix="free", attributes={"plan": "free"}, language="ru")
    make_contacts(1, prefix="golden", attributes={"plan": "gold"}, language="en")
    call_command(
        "campaign",
        "send",
        "--survey",
        str(survey.pk),
        "--channel",
        "email",
        "--segment",
        "plan=gold,language=ru",
    )
    campaign_id = int(capsys.readouterr().out.strip())
    run_worker()
    received = sorted(m["To"] for m in smtp_server.inbox.wait_for(2))
    assert received == ["gold0@client.example", "gold1@client.example"]
    assert Invitation.objects.filter(campaign_id=campaign_id).count() == 2
