"""Sending one invitation by SMS for the worker (sending.py calls this for channel "sms")."""

from __future__ import annotations

from opennps.distribution.messages import Composer
from opennps.distribution.models import Invitation
from opennps.distribution.sms.providers import provider_for
from opennps.distribution.sms.text import sms_text


def send_sms_invitation(invitation: Invitation, token: str, composer: Composer) -> str:
    """Send the invitation's text to the contact's phone; the provider's message id.

    Raises SmsRejected (do not retry), SmsTemporaryError (retry) or SmsNotConfigured.
    """
    text = sms_text(invitation, token, composer)
    return provider_for(invitation.workspace_id).send(invitation.contact.phone, text)
