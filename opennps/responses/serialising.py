"""A response as the outside world sees it: the API's JSON and the webhooks' payload share it."""

from __future__ import annotations

from typing import Any

from opennps.responses.models import Response


def response_json(response: Response) -> dict[str, Any]:
    """The keys of the API's response object; `version_number` may be annotated to save a query."""
    contact = response.contact
    version = getattr(response, "version_number", None)
    return {
        "id": response.pk,
        "survey_id": response.survey_id,
        "score": response.score,
        "nps_class": response.nps_class,
        "comment": response.comment,
        "third_answer": response.third_answer,
        "answers": response.answers,
        "channel": response.channel,
        "language": response.language,
        "attributes": response.attributes,
        "contact": None
        if contact is None
        else {"id": contact.pk, "external_id": contact.external_id, "email": contact.email},
        "version": version if version is not None else response.version.number,
        "created_at": response.created_at,
        "updated_at": response.updated_at,
    }
