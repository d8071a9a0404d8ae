"""Every change to a case goes through here: the inbox pages, the API and tests share it.

Each change writes one activity line (who, when, what), in the same transaction as the change.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opennps.accounts.models import User
from opennps.cases.mail_threads import reply_message_id, reply_to_address
from opennps.cases.models import (
    ActivityKind,
    Case,
    CaseActivity,
    CaseStatus,
)
from opennps.cases.opening import case_workers
from opennps.work.email import queue_email

NOTE_MAX_LENGTH = 5000
SUBJECT_MAX_LENGTH = 200
REPLY_MAX_LENGTH = 20_000


class CaseError(ValueError):
    """A change that cannot be made; `field` names the input at fault."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


# Who acts when it is not a signed-in person: the API key's hint ("onps_abc…"), for the log.
_acting_via: ContextVar[str] = ContextVar("opennps_cases_acting_via", default="")


@contextmanager
def acting_via(source: str) -> Iterator[None]:
    """Changes made inside this block are logged as made via `source` (e.g. an API key)."""
    token = _acting_via.set(source)
    try:
        yield
    finally:
        _acting_via.reset(token)


def log(case: Case, actor: User | None, kind: str, text: str = "", **detail: Any) -> CaseActivity:
    if source := _acting_via.get():
        detail["via"] = source
    return CaseActivity.objects.create(
        case=case, actor=actor, kind=kind, text=text, detail=detail, at=timezone.now()
    )


def assignable_user(case: Case, user_id: int | None) -> User | None:
    """The member `user_id` if they may work this workspace's cases; None for "nobody"."""
    if user_id is None:
        return None
    for worker in case_workers(case.workspace_id):
        if worker.pk == user_id:
            return worker
    raise CaseError(
        _("This person is not a member who works cases here (owner, admin or analyst)."),
        "assignee",
    )


@transaction.atomic
def assign(case: Case, assignee: User | None, actor: User | None) -> Case:
    if case.assignee_id == (assignee.pk if assignee else None):
        return case
    before = case.assignee.email if case.assignee else None
    case.assignee = assignee
    case.save(update_fields=["assignee"])
    log(case, actor, ActivityKind.ASSIGNED, **{"from": before, "to": assignee and assignee.email})
    return case


def bulk_assign(cases: Iterable[Case], assignee: User | None, actor: User | None) -> int:
    """Assign every case to `assignee`; the number that changed hands."""
    changed = 0
    for case in cases:
        if case.assignee_id != (assignee.pk if assignee else None):
            assign(case, assignee, actor)
            changed += 1
    return changed


@transaction.atomic
def set_status(case: Case, status: str, actor: User | None) -> Case:
    """Move the case to `status`. Resolving stamps resolved_at and queues the re-survey when the
    workspace asks for one; re-opening clears resolved_at."""
    from opennps.cases.recovery import queue_resurvey

    if status not in CaseStatus.values:
        raise CaseError(
            _("Unknown status %(status)s; use one of %(choices)s.")
            % {"status": repr(status), "choices": ", ".join(CaseStatus.values)},
            "status",
        )
    if status == case.status:
        return case
    before = case.status
    now = timezone.now()
    case.status = status
    fields = ["status"]
    if status in (CaseStatus.RESOLVED, CaseStatus.WON_BACK, CaseStatus.UNREACHABLE):
        case.resolved_at = case.resolved_at or now
        fields.append("resolved_at")
    else:
        case.resolved_at = None
        fields.append("resolved_at")
    if status == CaseStatus.CONTACTED and case.first_contacted_at is None:
        case.first_contacted_at = now
        fields.append("first_contacted_at")
    case.save(update_fields=fields)
    log(case, actor, ActivityKind.STATUS, **{"from": before, "to": status})
    if status == CaseStatus.RESOLVED:
        queue_resurvey(case, actor)
    return case


def _checked_text(text: str, field: str, limit: int) -> str:
    text = (text or "").strip()
    if not text:
        raise CaseError(_("Write something first; this field is empty."), field)
    if len(text) > limit:
        raise CaseError(
            _("Too long: at most %(limit)s characters are allowed.") % {"limit": limit}, field
        )
    return text


@transaction.atomic
def add_note(case: Case, text: str, actor: User | None) -> CaseActivity:
    """An internal note: never sent to the customer. Also how a customer's reply by phone or
    e-mail is recorded while inbound mail is not configured."""
    text = _checked_text(text, "note", NOTE_MAX_LENGTH)
    if case.status == CaseStatus.NEW:
        set_status(case, CaseStatus.IN_PROGRESS, actor)
    return log(case, actor, ActivityKind.NOTE, text)


@transaction.atomic
def reply(case: Case, subject: str, body: str, actor: User | None) -> CaseActivity:
    """E-mail the customer (sent by the worker); the first reply marks the case contacted.

    Each reply carries a signed Message-ID naming the case, so the customer's answer threads
    back into it through the inbound endpoint (opennps/cases/inbound.py). Reply-To is the case's
    plus-address at OPENNPS_INBOUND_MAIL_ADDRESS when that is set, else the member who wrote it,
    so the answer reaches a person; without inbound mail, that person records it as a note.
    """
    if case.contact is None or not case.contact.email:
        raise CaseError(
            _("This case has no contact with an e-mail address (an anonymous answer)."), "body"
        )
    subject = _checked_text(subject, "subject", SUBJECT_MAX_LENGTH)
    body = _checked_text(body, "body", REPLY_MAX_LENGTH)
    headers = {"X-OpenNPS-Case": str(case.pk), "Message-ID": reply_message_id(case.pk)}
    if reply_address := reply_to_address(case.pk):
        headers["Reply-To"] = reply_address
    elif actor is not None and actor.email:
        headers["Reply-To"] = actor.email
    queue_email([case.contact.email], subject, body, headers=headers)
    now = timezone.now()
    if case.first_contacted_at is None:
        case.first_contacted_at = now
        case.save(update_fields=["first_contacted_at"])
    entry = log(
        case,
        actor,
        ActivityKind.REPLY,
        body,
        subject=subject,
        to=case.contact.email,
        message_id=headers["Message-ID"],
    )
    if case.status in (CaseStatus.NEW, CaseStatus.IN_PROGRESS):
        set_status(case, CaseStatus.CONTACTED, actor)
    return entry


@transaction.atomic
def record_customer_reply(
    case: Case, *, sender: str, subject: str, text: str, message_id: str, verified: bool
) -> CaseActivity | None:
    """Add the customer's e-mailed answer to the case's log; None when this message (by its
    Message-ID) was recorded before, so a mail service's retry is not stored twice.

    `verified` says whether the sender is the case's contact; an unverified answer is kept and
    shown as such rather than dropped, since people answer from another of their addresses.
    A contacted case goes back to in progress: the customer is waiting for us again.
    """
    if (
        message_id
        and CaseActivity.objects.filter(
            case=case, kind=ActivityKind.INBOUND, detail__message_id=message_id
        ).exists()
    ):
        return None
    entry = log(
        case,
        None,
        ActivityKind.INBOUND,
        text,
        sender=sender,
        subject=subject,
        message_id=message_id,
        verified=verified,
    )
    if case.status == CaseStatus.CONTACTED:
        set_status(case, CaseStatus.IN_PROGRESS, None)
    return entry
