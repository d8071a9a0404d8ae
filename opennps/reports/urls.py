"""Scheduled report pages (namespace "reports"), included by analytics/urls_responses.py."""

from __future__ import annotations

from django.urls import path

from opennps.reports import views

app_name = "reports"

REPORTS = "w/<int:workspace_id>/reports/"

urlpatterns = [
    path(REPORTS, views.report_list, name="list"),
    path(REPORTS + "new/", views.report_create, name="create"),
    path(REPORTS + "<int:report_id>/", views.report_edit, name="edit"),
    path(REPORTS + "<int:report_id>/delete/", views.report_delete, name="delete"),
]
