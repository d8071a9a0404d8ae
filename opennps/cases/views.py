"""The case inbox and a case's page, under /w/<workspace id>/cases/.

Members who may view the workspace see cases; changing one needs `edit` (analyst and up): a
viewer's POST is refused with 403. Cases of other workspaces are 404.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from opennps.accounts.models import Membership
from opennps.accounts.scoping import membership_or_404
from opennps.cases import actions
from opennps.cases.inbound import inbound_mail_enabled
from opennps.cases.inbox import VIEWS, inbox_cases, view_counts
from opennps.cases.models import Case, CaseStatus, Priority
from opennps.cases.opening import case_workers
from opennps.cases.playbooks import case_language, draft_reply, playbook_for

PAGE_SIZE = 50


def _member(request: HttpRequest, workspace_id: int, change: bool = False) -> Membership:
    membership = membership_or_404(request.user, workspace_id, "view")
    if change and not membership.can("edit"):
        raise PermissionDenied(_("Viewers can read cases but not change them."))
    return membership


def _case_or_404(workspace_id: int, case_id: int) -> Case:
    case = (
        Case.objects.select_related("assignee", "contact", "response", "survey", "workspace")
        .filter(workspace_id=workspace_id, pk=case_id)
        .first()
    )
    if case is None:
        raise Http404
    return case


@login_required
@require_GET
def inbox(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = _member(request, workspace_id)
    view = request.GET.get("view", "mine")
    view = view if view in VIEWS else "mine"
    status = request.GET.get("status", "")
    status = status if status in CaseStatus.values else ""
    cases = inbox_cases(workspace_id, request.user, view, status)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "cases/inbox.html",
        {
            "workspace": membership.workspace,
            "membership": membership,
            "can_edit": membership.can("edit"),
            "nav_section": "cases",
            "view": view,
            "status": status,
            "statuses": CaseStatus.choices,
            "counts": view_counts(workspace_id, request.user),
            "page": page,
            "workers": case_workers(workspace_id),
            "now": timezone.now(),
        },
    )


@login_required
@require_GET
def detail(request: HttpRequest, workspace_id: int, case_id: int) -> HttpResponse:
    membership = _member(request, workspace_id)
    case = _case_or_404(workspace_id, case_id)
    language = case_language(case)
    subject, body = draft_reply(case)
    activities = list(case.activities.select_related("actor"))
    labels = dict(CaseStatus.choices)
    for entry in activities:
        # The log keeps status values; the page shows them in the reader's language.
        entry.from_label = labels.get(entry.detail.get("from"), entry.detail.get("from"))
        entry.to_label = labels.get(entry.detail.get("to"), entry.detail.get("to"))
    return render(
        request,
        "cases/detail.html",
        {
            "workspace": membership.workspace,
            "membership": membership,
            "can_edit": membership.can("edit"),
            "nav_section": "cases",
            "case": case,
            "playbook": playbook_for(workspace_id, case.nps_class, language),
            "language": language,
            "reply_subject": subject,
            "reply_body": body,
            "can_reply": bool(case.contact and case.contact.email),
            "notes": [a for a in activities if a.kind == "note"],
            "customer_replies": [a for a in activities if a.kind == "inbound"],
            "inbound_mail": inbound_mail_enabled(),
            "activities": activities,
            "statuses": CaseStatus.choices,
            "priorities": Priority.choices,
            "workers": case_workers(workspace_id),
        },
    )


def _back(case: Case) -> HttpResponse:
    return redirect("cases:detail", workspace_id=case.workspace_id, case_id=case.pk)


def _run(request: HttpRequest, case: Case, change: Callable[[], object], done: str) -> HttpResponse:
    try:
        change()
    except actions.CaseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return _back(case)


def _user_id(value: str) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise actions.CaseError(_("Choose a member from the list."), "assignee") from None


@login_required
@require_POST
def assign(request: HttpRequest, workspace_id: int, case_id: int) -> HttpResponse:
    _member(request, workspace_id, change=True)
    case = _case_or_404(workspace_id, case_id)

    def change() -> None:
        person = actions.assignable_user(case, _user_id(request.POST.get("assignee", "")))
        actions.assign(case, person, request.user)

    return _run(request, case, change, _("Assignee saved."))


@login_required
@require_POST
def change_status(request: HttpRequest, workspace_id: int, case_id: int) -> HttpResponse:
    _member(request, workspace_id, change=True)
    case = _case_or_404(workspace_id, case_id)
    return _run(
        request,
        case,
        lambda: actions.set_status(case, request.POST.get("status", ""), request.user),
        _("Status saved."),
    )


@login_required
@require_POST
def add_note(request: HttpRequest, workspace_id: int, case_id: int) -> HttpResponse:
    _member(request, workspace_id, change=True)
    case = _case_or_404(workspace_id, case_id)
    return _run(
        request,
        case,
        lambda: actions.add_note(case, request.POST.get("note", ""), request.user),
        _("Note added."),
    )


@login_required
@require_POST
def reply(request: HttpRequest, workspace_id: int, case_id: int) -> HttpResponse:
    _member(request, workspace_id, change=True)
    case = _case_or_404(workspace_id, case_id)
    return _run(
        request,
        case,
        lambda: actions.reply(
            case, request.POST.get("subject", ""), request.POST.get("body", ""), request.user
        ),
        _("Reply queued; it goes out within a minute."),
    )


@login_required
@require_POST
def bulk_assign(request: HttpRequest, workspace_id: int) -> HttpResponse:
    _member(request, workspace_id, change=True)
    ids = [int(value) for value in request.POST.getlist("case") if value.isdigit()]
    cases = list(Case.objects.filter(workspace_id=workspace_id, pk__in=ids))
    back = request.POST.get("next", "")
    target = back if back.startswith(f"/w/{workspace_id}/cases/") else f"/w/{workspace_id}/cases/"
    if not cases:
        messages.error(request, _("Tick at least one case to assign."))
        return redirect(target)
    try:
        person = actions.assignable_user(cases[0], _user_id(request.POST.get("assignee", "")))
    except actions.CaseError as error:
        messages.error(request, error.message)
        return redirect(target)
    changed = actions.bulk_assign(cases, person, request.user)
    messages.success(
        request,
        ngettext("%(count)s case assigned.", "%(count)s cases assigned.", changed)
        % {"count": changed},
    )
    return redirect(target)
