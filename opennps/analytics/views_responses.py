"""The response browser, the contact card, exports (CSV, XLSX) and the HTML/PDF report.

Everything here needs the `view` ability: whoever may read the responses may also take them
away as a file (docs/reports.md says why). Other workspaces' responses and contacts are 404.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from opennps.accounts.models import Workspace
from opennps.accounts.scoping import membership_or_404
from opennps.analytics.exports import csv_lines, write_xlsx
from opennps.analytics.periods import PERIODS
from opennps.analytics.rollups import local_day
from opennps.comments.filtering import attach_driver_chips
from opennps.contacts.models import Contact
from opennps.distribution.models import Channel
from opennps.reports.anonymity import Disclosure
from opennps.reports.browse import capped_count, matching_responses, page_of
from opennps.reports.chart import trend_svg
from opennps.reports.contact_card import contact_timeline
from opennps.reports.content import build_report, complete_range
from opennps.reports.filters import ViewFilters, parse_filters
from opennps.reports.pdf import PdfUnavailableError, html_to_pdf
from opennps.reports.presenting import class_bar, filter_chips, response_rows, scope_lines
from opennps.reports.response_table import response_table
from opennps.reports.segment_table import groupings, segment_table
from opennps.responses.models import NpsClassChoices
from opennps.surveys.models import Survey
from opennps.web.cursors import InvalidCursorError

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The report is one file with inline styles and SVG: it may load nothing from anywhere.
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _filename(workspace: Workspace, what: str, extension: str) -> str:
    name = slugify(workspace.name, allow_unicode=True) or f"workspace-{workspace.pk}"
    return f"{name}-{what}-{local_day(timezone.now()).isoformat()}.{extension}"


def _attachment(response: HttpResponse | FileResponse, filename: str) -> None:
    response["Content-Disposition"] = content_disposition_header(True, filename)


def _bad_filters(view: ViewFilters) -> HttpResponse:
    return HttpResponseBadRequest(
        "\n".join(view.errors) + "\n", content_type="text/plain; charset=utf-8"
    )


@login_required
@require_safe
def response_list(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "view")
    view = parse_filters(request.GET, workspace_id)
    disclosure = Disclosure.for_filters(view.filters)
    responses = matching_responses(view.filters, view.search)
    if disclosure.withheld_surveys:
        responses = responses.exclude(survey_id__in=disclosure.withheld_surveys)
    errors = list(view.errors)
    try:
        page = page_of(
            responses.select_related("contact"),
            after=request.GET.get("after"),
            before=request.GET.get("before"),
        )
    except InvalidCursorError:
        errors.append(_("This page link is no longer valid; showing the newest responses."))
        page = page_of(responses.select_related("contact"))
    total, more = capped_count(responses)
    attach_driver_chips(page.responses, membership)
    return render(
        request,
        "analytics/responses.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "nav_section": "responses",
            "view": view,
            "errors": errors,
            "rows": response_rows(page.responses, disclosure, view),
            "chips": filter_chips(view),
            "page": page,
            "total": total,
            "more": more,
            "withheld": bool(disclosure.withheld_surveys),
            "surveys": Survey.objects.filter(workspace_id=workspace_id).order_by("name"),
            "channels": Channel.choices,
            "classes": NpsClassChoices.choices,
            "groupings": groupings(workspace_id),
            "chosen": {
                "survey": {value for name, value in view.params if name == "survey"},
                "channel": set(view.filters.channels),
                "class": set(view.filters.classes),
            },
        },
        status=400 if view.errors else 200,
    )


@login_required
@require_safe
def contact_card(request: HttpRequest, workspace_id: int, contact_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "view")
    contact = get_object_or_404(Contact, pk=contact_id, workspace_id=workspace_id)
    return render(
        request,
        "analytics/responses_contact.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "nav_section": "responses",
            "contact": contact,
            "attributes": sorted((contact.attributes or {}).items()),
            "events": contact_timeline(contact),
        },
    )


@login_required
@require_safe
def export_responses(request: HttpRequest, workspace_id: int, file_format: str) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "view")
    view = parse_filters(request.GET, workspace_id)
    if view.errors:
        return _bad_filters(view)
    table = response_table(view)
    filename = _filename(membership.workspace, "responses", file_format)
    if file_format == "csv":
        response: HttpResponse | StreamingHttpResponse = StreamingHttpResponse(
            csv_lines(table.header, table.rows), content_type=CSV_TYPE
        )
    else:
        response = _xlsx_response(_("Responses"), table.header, table.rows)
    _attachment(response, filename)
    return response


def _xlsx_response(sheet: str, header: list[str], rows: Iterable[Sequence[Any]]) -> FileResponse:
    # An anonymous temporary file: the workbook is written row by row (constant memory), then
    # streamed; the file disappears when the response closes it.
    target = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
    write_xlsx(target, sheet, header, rows)
    target.seek(0)
    return FileResponse(target, content_type=XLSX_TYPE)


@login_required
@require_safe
def export_segments(request: HttpRequest, workspace_id: int, file_format: str) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "view")
    view = parse_filters(request.GET, workspace_id)
    known = dict(groupings(workspace_id))
    by = request.GET.get("segment") or next(iter(known))
    if by not in known:
        return HttpResponseBadRequest(
            _("segment: choose one of %(choices)s.") % {"choices": ", ".join(known)} + "\n",
            content_type="text/plain; charset=utf-8",
        )
    if view.errors:
        return _bad_filters(view)
    header, rows = segment_table(view.filters, by, str(known[by]))
    filename = _filename(membership.workspace, f"segments-{slugify(by) or 'group'}", file_format)
    if file_format == "csv":
        response: HttpResponse = HttpResponse(
            "".join(csv_lines(header, rows)), content_type=CSV_TYPE
        )
    else:
        response = _xlsx_response(_("Segments"), header, rows)
    _attachment(response, filename)
    return response


@login_required
@require_safe
def report(request: HttpRequest, workspace_id: int, file_format: str) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "view")
    view = parse_filters(request.GET, workspace_id)
    if view.errors:
        return _bad_filters(view)
    date_from, date_to = complete_range(
        view.filters.date_from, view.filters.date_to, local_day(timezone.now())
    )
    by = request.GET.get("by") or None
    if by is not None and by not in PERIODS:
        return HttpResponseBadRequest(
            _("by: choose one of %(choices)s.") % {"choices": ", ".join(PERIODS)} + "\n",
            content_type="text/plain; charset=utf-8",
        )
    content = build_report(view.filters.with_dates(date_from, date_to), by)
    units = {
        "day": _("by day"),
        "week": _("by week"),
        "month": _("by month"),
        "quarter": _("by quarter"),
    }
    html = render_to_string(
        "analytics/report.html",
        {
            "workspace": membership.workspace,
            "content": content,
            "scope": scope_lines(view),
            "class_bar": class_bar(content.headline),
            "trend_unit": units[content.trend_by],
            "chart": trend_svg(
                content.trend,
                _("NPS trend %(unit)s") % {"unit": units[content.trend_by]},
                _(
                    # xgettext:no-python-format
                    "NPS per period with its 95% interval as a band; hollow points rest on "
                    "fewer than 30 answers. The table below gives every value."
                ),
            ),
            "generated_at": timezone.localtime(),
        },
        request=request,
    )
    if file_format == "html":
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
        response["Content-Security-Policy"] = REPORT_POLICY
    else:
        try:
            response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
        except PdfUnavailableError as error:
            return render(
                request,
                "analytics/report_unavailable.html",
                {"membership": membership, "workspace": membership.workspace, "reason": str(error)},
                status=503,
            )
    _attachment(response, _filename(membership.workspace, "nps-report", file_format))
    return response
