"""/api/v1/surveys/{id}/responses (create) and /api/v1/responses (list, read, delete)."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Header, Query, Router, Status

from opennps.api.auth import ADMIN, READ, WRITE_RESPONSES, workspace_id
from opennps.api.errors import ApiError
from opennps.api.idempotency import IdempotencyKeyReusedError, create_once, fingerprint
from opennps.api.queries import ResponseFilters, filter_responses, newest_first_page
from opennps.api.schemas.filters import ResponseListQuery
from opennps.api.schemas.responses import ResponseCreateIn, ResponseListOut, ResponseOut
from opennps.contacts.actions import find_contact
from opennps.contacts.models import Contact
from opennps.responses.actions import Answer, create_response, delete_response
from opennps.responses.models import Response
from opennps.responses.prefetch import known_version_id, survey_for_writing, version_content
from opennps.responses.serialising import response_json
from opennps.surveys.models import Survey, SurveyStatus
from opennps.surveys.versions import latest_version

router = Router(tags=["responses"])

IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed"


def _responses_of(request: HttpRequest) -> QuerySet[Response]:
    # The version's number, not its snapshot: a page of 500 must not load 500 JSON documents.
    return (
        Response.objects.filter(workspace_id=workspace_id(request))
        .select_related("contact")
        .annotate(version_number=F("version__number"))
    )


def response_or_404(request: HttpRequest, response_id: int) -> Response:
    response = _responses_of(request).filter(pk=response_id).first()
    if response is None:
        raise Http404
    return response


def _contact_for(survey: Survey, payload: ResponseCreateIn) -> Contact | None:
    if payload.contact is None:
        return None
    if survey.is_anonymous:
        raise ApiError(
            422,
            _(
                "Employee (eNPS) surveys are anonymous: send the response without a contact; "
                "put coarse groups such as the department in attributes instead."
            ),
            "body.contact",
        )
    external_id, email = payload.contact.external_id or "", payload.contact.email or ""
    contact = find_contact(survey.workspace, external_id=external_id, email=email)
    if contact is None:
        field = "body.contact.external_id" if external_id else "body.contact.email"
        raise ApiError(
            422,
            _(
                "No contact with this %(identifier)s in the workspace; create it first with "
                "POST /api/v1/contacts."
            )
            % {"identifier": "external_id" if external_id else "email"},
            field,
        )
    return contact


def _checked_answers(survey: Survey, answers: dict[str, Any]) -> dict[str, Any]:
    """Answers must belong to the survey's extra questions and fit their kind."""
    if not answers:
        return answers
    version_id = known_version_id(survey)
    content = version_content(version_id) if version_id else latest_version(survey).content
    questions = {q["key"]: q["kind"] for q in content.get("questions", [])}
    for key, value in answers.items():
        field = f"body.answers.{key}"
        kind = questions.get(key)
        if kind is None:
            known = ", ".join(sorted(questions)) or _("none")
            raise ApiError(
                422,
                _("This survey has no question %(key)s; its questions are: %(known)s.")
                % {"key": repr(key), "known": known},
                field,
            )
        if kind == "rating" and not (isinstance(value, int) and 1 <= value <= 5):
            raise ApiError(422, _("A rating must be a whole number from 1 to 5."), field)
        if kind != "rating" and not isinstance(value, str):
            raise ApiError(422, _("Must be a string."), field)
        if isinstance(value, str) and len(value) > 5000:
            raise ApiError(422, _("Too long: at most 5000 characters are allowed."), field)
    return answers


@router.post(
    "/surveys/{int:survey_id}/responses",
    response={201: ResponseOut},
    auth=WRITE_RESPONSES,
    by_alias=True,
    summary="Create a response",
)
def create(
    request: HttpRequest,
    response: HttpResponse,
    survey_id: int,
    payload: ResponseCreateIn,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        description="Any unique string up to 200 characters; a retry with it replays the result.",
        max_length=200,
    ),
) -> Status:
    """Store one answer (server to server). Needs `responses:write`. With an `Idempotency-Key`,
    a retry with the same body returns the first response again (201, header
    `Idempotent-Replayed: true`); the same key with another body is a 422."""
    # With the latest version and the segment keys, so storing asks for neither again.
    survey = survey_for_writing(workspace_id=workspace_id(request), id=survey_id)
    if survey is None:
        raise Http404

    def store() -> Response:
        # Checked only when storing: a retry of a request that succeeded is replayed even if
        # the survey was closed or the contact deleted since.
        if survey.status == SurveyStatus.CLOSED:
            raise ApiError(
                409,
                _("This survey is closed; set its status to active to accept responses again."),
            )
        contact = _contact_for(survey, payload)
        answer = Answer(
            score=payload.score,
            channel=payload.channel,
            language=payload.language or survey.default_language,
            comment=payload.comment,
            third_answer=payload.third_answer,
            answers=_checked_answers(survey, payload.answers),
            attributes=payload.attributes,
        )
        return create_response(survey, answer, contact=contact, created_at=payload.created_at)

    # Only a request with a key is ever compared with another.
    request_fingerprint = (
        fingerprint({"survey": survey.pk, "body": payload.model_dump(mode="json")})
        if idempotency_key
        else ""
    )
    try:
        outcome = create_once(survey.workspace_id, idempotency_key, request_fingerprint, store)
    except IdempotencyKeyReusedError:
        raise ApiError(
            422,
            _(
                "This Idempotency-Key was already used with a different request; use a new key "
                "for a new response."
            ),
            "header.Idempotency-Key",
        ) from None
    if outcome.replayed:
        response[IDEMPOTENT_REPLAYED_HEADER] = "true"
    stored = outcome.response
    if (
        not outcome.replayed
        and payload.created_at is None
        and stored.version_id == known_version_id(survey)
    ):
        # Just written from this request: the object in hand is what a read would give (a given
        # created_at is read back instead, so it comes out in UTC like every other read).
        stored.version_number = survey.latest_version_number  # type: ignore[attr-defined]
        return Status(201, response_json(stored))
    return Status(201, response_json(response_or_404(request, stored.pk)))


@router.get(
    "/responses", response=ResponseListOut, auth=READ, by_alias=True, summary="List responses"
)
def list_responses(request: HttpRequest, query: Query[ResponseListQuery]) -> dict[str, Any]:
    """Newest first, `limit` per page; pass the `next` value back as `cursor` for the next page."""
    filters: ResponseFilters = query.to_filters(survey_id=query.survey)
    responses = filter_responses(_responses_of(request), filters)
    page, next_cursor = newest_first_page(responses, query.cursor, query.limit)
    return {"items": [response_json(r) for r in page], "next": next_cursor}


@router.get(
    "/responses/{int:response_id}",
    response=ResponseOut,
    auth=READ,
    by_alias=True,
    summary="Read a response",
)
def read(request: HttpRequest, response_id: int) -> dict[str, Any]:
    return response_json(response_or_404(request, response_id))


@router.delete(
    "/responses/{int:response_id}", response={204: None}, auth=ADMIN, summary="Delete a response"
)
def delete(request: HttpRequest, response_id: int) -> Status:
    """Delete the response for good. Needs the `admin` scope."""
    delete_response(response_or_404(request, response_id))
    return Status(204, None)
