from __future__ import annotations

import pytest

from opennps.contacts.actions import ContactError, upsert_contact
from opennps.contacts.consent import set_consent, set_do_not_contact, unsubscribe
from opennps.contacts.models import Contact


@pytest.fixture
def ann(team):
    contact, _ = upsert_contact(team.workspace, email="ann@example.com")
    return contact


def test_a_contact_without_decisions_may_receive_every_channel(ann):
    assert all(ann.may_receive(channel) for channel in ("email", "sms", "phone"))
    assert ann.has_consent("email") is None


def test_withdrawn_consent_stops_that_channel_only(ann):
    set_consent(ann, "sms", False)
    stored = Contact.objects.get(pk=ann.pk)
    assert stored.has_consent("sms") is False
    assert not stored.may_receive("sms") and stored.may_receive("email")


def test_unsubscribe_is_per_channel_and_keeps_the_first_time(ann):
    unsubscribe(ann, "email")
    first = Contact.objects.get(pk=ann.pk).unsubscribed["email"]
    unsubscribe(ann, "email")
    stored = Contact.objects.get(pk=ann.pk)
    assert stored.unsubscribed == {"email": first}
    assert not stored.may_receive("email") and stored.may_receive("sms")


def test_granting_consent_again_lifts_the_unsubscribe(ann):
    unsubscribe(ann, "email")
    set_consent(ann, "email", True)
    stored = Contact.objects.get(pk=ann.pk)
    assert stored.unsubscribed == {} and stored.may_receive("email")


def test_do_not_contact_stops_every_channel(ann):
    set_do_not_contact(ann, True)
    stored = Contact.objects.get(pk=ann.pk)
    assert stored.do_not_contact and stored.do_not_contact_at is not None
    assert not any(stored.may_receive(channel) for channel in ("email", "sms", "phone"))
    set_do_not_contact(ann, False)
    assert Contact.objects.get(pk=ann.pk).may_receive("email")


def test_an_unknown_channel_is_refused(ann):
    with pytest.raises(ContactError) as raised:
        unsubscribe(ann, "pigeon")
    assert raised.value.field == "channel"
