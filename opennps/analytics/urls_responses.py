"""The response browser, contact cards, exports and reports (/w/<id>/responses/, report.html …),
and the scheduled report pages (namespace "reports")."""

from __future__ import annotations

from django.urls import include, path, register_converter

from opennps.analytics import views_responses as views


class _Formats:
    regex = ""

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class SpreadsheetFormat(_Formats):
    regex = "csv|xlsx"


class ReportFormat(_Formats):
    regex = "html|pdf"


register_converter(SpreadsheetFormat, "spreadsheet")
register_converter(ReportFormat, "report_format")

WORKSPACE = "w/<int:workspace_id>/"

verbatim_patterns = [
    path(WORKSPACE + "responses/", views.response_list, name="responses"),
    path(
        WORKSPACE + "responses/export.<spreadsheet:file_format>",
        views.export_responses,
        name="export_responses",
    ),
    path(
        WORKSPACE + "segments/export.<spreadsheet:file_format>",
        views.export_segments,
        name="export_segments",
    ),
    path(WORKSPACE + "report.<report_format:file_format>", views.report, name="report"),
    path(WORKSPACE + "contacts/<int:contact_id>/", views.contact_card, name="contact"),
]

urlpatterns = [
    path("", include((verbatim_patterns, "verbatims"))),
    path("", include("opennps.reports.urls")),
]
