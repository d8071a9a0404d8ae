"""Answers from a kiosk tablet: no contact, no browser key, only the kiosk's location.

A kiosk is used by one person after another, so nothing ties an answer to the device: the
follow-up finds its response through a short-lived signed ticket in the page, not a cookie.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing

from opennps.channels_web.models import Kiosk
from opennps.distribution.models import Channel
from opennps.responses.actions import Answer, create_response, update_followup
from opennps.responses.models import Response

# Long enough to type a comment; short enough that the next visitor cannot edit a stale answer.
TICKET_AGE = timedelta(minutes=10)
LOCATION_ATTRIBUTE = "location"


def _salt(kiosk: Kiosk) -> str:
    return f"opennps.channels_web.kiosk.{kiosk.pk}"


def record_kiosk_score(kiosk: Kiosk, score: int, language: str) -> tuple[Response, str]:
    """A new response tagged with the kiosk's location, and the ticket for its follow-up."""
    response = create_response(
        kiosk.survey,
        Answer(
            score=score,
            channel=Channel.KIOSK,
            language=language,
            attributes={LOCATION_ATTRIBUTE: kiosk.location},
        ),
    )
    return response, signing.dumps(response.pk, salt=_salt(kiosk))


def kiosk_response(kiosk: Kiosk, ticket: str) -> Response | None:
    """The response a ticket of this kiosk names, while the ticket is fresh; else None."""
    try:
        response_id = signing.loads(ticket, salt=_salt(kiosk), max_age=TICKET_AGE.total_seconds())
    except signing.BadSignature:
        return None
    return Response.objects.filter(pk=response_id, survey=kiosk.survey).first()


def record_kiosk_comment(response: Response, comment: str) -> Response:
    return update_followup(response, comment=comment)
