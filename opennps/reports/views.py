"""Scheduled report pages under /w/<id>/reports/: list, create, edit, delete (the `edit` ability)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from opennps.accounts.models import Membership, User
from opennps.accounts.scoping import membership_or_404
from opennps.reports.actions import ReportSettingsError, create_report, delete_report, update_report
from opennps.reports.forms import ScheduledReportForm
from opennps.reports.models import ScheduledReport

EDIT_OR_VIEW = ("GET", "HEAD", "POST")


@login_required
@require_safe
def report_list(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    reports = (
        ScheduledReport.objects.filter(workspace_id=workspace_id)
        .select_related("survey")
        .prefetch_related(Prefetch("recipients", queryset=User.objects.order_by("email")))
    )
    return render(
        request,
        "reports/list.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "nav_section": "reports",
            "reports": reports,
        },
    )


def _form_page(
    request: HttpRequest,
    membership: Membership,
    form: ScheduledReportForm,
    report: ScheduledReport | None,
) -> HttpResponse:
    return render(
        request,
        "reports/form.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "nav_section": "reports",
            "form": form,
            "report": report,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(EDIT_OR_VIEW)
def report_create(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    workspace = membership.workspace
    form = ScheduledReportForm(
        request.POST or None, workspace=workspace, initial={"recipients": [request.user.pk]}
    )
    if request.method == "POST" and form.is_valid():
        try:
            create_report(
                workspace,
                request.user,
                send_latest_now=form.cleaned_data.get("send_latest_now", False),
                **form.report_fields(),
            )
        except ReportSettingsError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The scheduled report was created."))
            return redirect("reports:list", workspace_id=workspace_id)
    return _form_page(request, membership, form, None)


@login_required
@require_http_methods(EDIT_OR_VIEW)
def report_edit(request: HttpRequest, workspace_id: int, report_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    report = get_object_or_404(ScheduledReport, pk=report_id, workspace_id=workspace_id)
    form = ScheduledReportForm(request.POST or None, workspace=membership.workspace, report=report)
    if request.method == "POST" and form.is_valid():
        try:
            update_report(report, **form.report_fields())
        except ReportSettingsError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The scheduled report was saved."))
            return redirect("reports:list", workspace_id=workspace_id)
    return _form_page(request, membership, form, report)


@login_required
@require_POST
def report_delete(request: HttpRequest, workspace_id: int, report_id: int) -> HttpResponse:
    membership_or_404(request.user, workspace_id, "edit")
    report = get_object_or_404(ScheduledReport, pk=report_id, workspace_id=workspace_id)
    delete_report(report)
    messages.success(request, _("The scheduled report was deleted."))
    return redirect("reports:list", workspace_id=workspace_id)
