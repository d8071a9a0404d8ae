"""/api/v1/cases: list the workspace's cases (by status) and change one (assignee, status, note)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field, StrictStr

from opennps.api.auth import ADMIN, READ, workspace_id
from opennps.api.errors import ApiError
from opennps.api.schemas.common import InputSchema
from opennps.cases import actions
from opennps.cases.models import Case
from opennps.cases.opening import case_workers
from opennps.web.cursors import CursorCodec

router = Router(tags=["cases"])

CURSOR_SALT = "opennps.api.cases.cursor"
_CURSORS = CursorCodec(CURSOR_SALT, field="opened_at")
StatusName = Literal["new", "in_progress", "contacted", "resolved", "won_back", "unreachable"]


class CaseListQuery(Schema):
    status: StatusName | None = Field(None, description="Only cases in this status.")
    cursor: str | None = Field(None, description="The `next` value of the previous page.")
    limit: int = Field(100, ge=1, le=500, description="Cases per page, at most 500.")


class PersonOut(Schema):
    id: int
    email: str
    name: str


class CaseContactOut(Schema):
    id: int
    external_id: str
    email: str


class CaseOut(Schema):
    id: int
    survey_id: int
    response_id: int
    score: int
    nps_class: str
    comment: str
    contact: CaseContactOut | None
    assignee: PersonOut | None
    priority: str
    status: str
    opened_at: datetime
    due_at: datetime
    overdue: bool
    first_contacted_at: datetime | None
    resolved_at: datetime | None
    recovered_at: datetime | None


class CaseListOut(Schema):
    items: list[CaseOut]
    next: str | None = Field(description="Cursor of the next page; null on the last page.")


class CasePatchIn(InputSchema):
    """Send any of the three; fields left out are not changed. `assignee` is a member's e-mail
    (owner, admin or analyst of the workspace), or null to unassign."""

    assignee: StrictStr | None = Field(None, max_length=254)
    status: StatusName | None = None
    note: StrictStr | None = Field(None, min_length=1, max_length=actions.NOTE_MAX_LENGTH)


def case_json(case: Case) -> dict[str, Any]:
    contact, assignee = case.contact, case.assignee
    return {
        "id": case.pk,
        "survey_id": case.survey_id,
        "response_id": case.response_id,
        "score": case.response.score,
        "nps_class": case.nps_class,
        "comment": case.response.comment,
        "contact": None
        if contact is None
        else {"id": contact.pk, "external_id": contact.external_id, "email": contact.email},
        "assignee": None
        if assignee is None
        else {"id": assignee.pk, "email": assignee.email, "name": assignee.name},
        "priority": case.priority,
        "status": case.status,
        "opened_at": case.opened_at,
        "due_at": case.due_at,
        "overdue": case.is_open
        and case.first_contacted_at is None
        and case.due_at < timezone.now(),
        "first_contacted_at": case.first_contacted_at,
        "resolved_at": case.resolved_at,
        "recovered_at": case.recovered_at,
    }


def _cases_of(request: HttpRequest) -> QuerySet[Case]:
    return Case.objects.filter(workspace_id=workspace_id(request)).select_related(
        "response", "contact", "assignee"
    )


@router.get("", response=CaseListOut, auth=READ, summary="List cases")
def list_cases(request: HttpRequest, query: Query[CaseListQuery]) -> dict[str, Any]:
    """Newest first, `limit` per page; pass the `next` value back as `cursor` for the next page.
    Needs the `read` scope."""
    cases = _cases_of(request)
    if query.status:
        cases = cases.filter(status=query.status)
    page, next_cursor = _CURSORS.newest_first_page(cases, query.cursor, query.limit)
    return {"items": [case_json(case) for case in page], "next": next_cursor}


def _case_or_404(request: HttpRequest, case_id: int) -> Case:
    case = _cases_of(request).filter(pk=case_id).first()
    if case is None:
        raise Http404
    return case


@router.get("/{int:case_id}", response=CaseOut, auth=READ, summary="Read a case")
def read(request: HttpRequest, case_id: int) -> dict[str, Any]:
    return case_json(_case_or_404(request, case_id))


@router.patch("/{int:case_id}", response=CaseOut, auth=ADMIN, summary="Change a case")
def patch(request: HttpRequest, case_id: int, payload: CasePatchIn) -> dict[str, Any]:
    """Assign (`assignee`: a member's e-mail or null), move (`status`) or add an internal `note`,
    in one request; all or nothing. Needs the `admin` scope. Each change goes into the case's
    activity log, marked as made with this API key."""
    case = _case_or_404(request, case_id)
    fields = payload.model_dump(exclude_unset=True)
    if not fields:
        raise ApiError(422, _("Send at least one of assignee, status or note."), "body")
    if fields.get("status", "") is None:
        raise ApiError(422, _("Must not be null; leave the field out to keep it."), "body.status")
    if fields.get("note", "") is None:
        raise ApiError(422, _("Must not be null; leave the field out to keep it."), "body.note")
    assignee = None
    if fields.get("assignee") is not None:
        email = fields["assignee"].strip().lower()
        assignee = next((u for u in case_workers(case.workspace_id) if u.email == email), None)
        if assignee is None:
            raise ApiError(
                422,
                _(
                    "No owner, admin or analyst of this workspace has this e-mail; cases are "
                    "assigned to such members only."
                ),
                "body.assignee",
            )
    hint = getattr(request.auth, "hint", "")
    try:
        with transaction.atomic(), actions.acting_via(f"api:{hint}"):
            if "assignee" in fields:
                actions.assign(case, assignee, None)
            if "status" in fields:
                actions.set_status(case, fields["status"], None)
            if "note" in fields:
                actions.add_note(case, fields["note"], None)
    except actions.CaseError as error:
        raise ApiError(422, error.message, f"body.{error.field}") from error
    return case_json(_case_or_404(request, case_id))
