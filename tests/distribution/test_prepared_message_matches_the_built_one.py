"""The worker sends a campaign message as bytes prepared once per language; what arrives must be
the message Django's mail machinery would have built: same headers, same parts, same links."""

from __future__ import annotations

import email
import email.policy

import pytest

from opennps.distribution.campaigns import queue_campaign
from opennps.distribution.messages import Composer
from opennps.distribution.models import Invitation
from opennps.distribution.tokens import token_from_seed
from tests.distribution.conftest import run_worker
from tests.distribution.helpers import parts

COMPARED_HEADERS = (
    "Subject",
    "From",
    "To",
    "Message-ID",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "Content-Language",
    "Auto-Submitted",
    "Content-Type",
    "MIME-Version",
)


def _parse(data: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(data, policy=email.policy.default)


@pytest.mark.parametrize(
    ("name", "language"),
    [("", "en"), ("Анна <Ivanova> & Co", "ru"), ("Zoë O'Brien", "en")],
)
def test_prepared_bytes_carry_the_same_message_as_the_built_one(
    smtp_server, survey, make_contacts, name, language
):
    make_contacts(2, name=name, language=language)
    queue_campaign(survey, "email")
    invitation = Invitation.objects.select_related("contact", "survey").first()
    token = token_from_seed(invitation.token_seed)
    composer = Composer()

    wire = composer.wire(invitation, token, "invitation")
    assert wire is not None
    sender, recipient, data = wire
    prepared = _parse(data)
    built_message = composer.build(invitation, token, "invitation").message()
    built = _parse(built_message.as_bytes(linesep="\r\n"))  # as Django's SMTP backend sends it

    assert recipient == invitation.contact.email
    assert sender == str(built["From"])  # the envelope sender Django's backend would use
    for header in COMPARED_HEADERS:
        # Compared unfolded: the built message may fold a long header onto a second line.
        same = (
            str(prepared[header]).split(";")[0].strip() == str(built[header]).split(";")[0].strip()
        )
        assert same, header
    assert prepared["Date"]
    assert parts(prepared) == parts(built)
    assert name in parts(prepared)[0]


def test_an_address_mime_must_encode_takes_the_full_build(smtp_server, survey, make_contacts):
    make_contacts(1, prefix="δοκιμή")
    queue_campaign(survey, "email")
    invitation = Invitation.objects.select_related("contact", "survey").get()
    assert Composer().wire(invitation, token_from_seed(invitation.token_seed)) is None

    run_worker()
    [message] = smtp_server.inbox.wait_for(1)
    assert "δοκιμή0@client.example" in str(message["To"])


def test_the_campaign_arrives_with_each_contacts_own_name_link_and_message_id(
    smtp_server, survey, make_contacts
):
    make_contacts(3, prefix="named", name="Person & Sons")
    make_contacts(3, prefix="plain", language="ru")
    queue_campaign(survey, "email")
    run_worker()
    messages = smtp_server.inbox.wait_for(6)

    assert len({m["Message-ID"] for m in messages}) == 6
    assert len({m["List-Unsubscribe"] for m in messages}) == 6
    for message in messages:
        text, html = parts(message)
        if message["To"].startswith("named"):
            assert "Person & Sons" in text and "Person &amp; Sons" in html
        assert message["Content-Language"] == ("ru" if message["To"].startswith("plain") else "en")
