"""The dashboard under /dashboard/ and /w/<workspace id>/dashboard/ (namespace "analytics")."""

from __future__ import annotations

from django.urls import path

from opennps.analytics import views_dashboard, views_dashboard_settings

app_name = "analytics"

DASHBOARD = "w/<int:workspace_id>/dashboard/"

urlpatterns = [
    path("dashboard/", views_dashboard.dashboard_home, name="dashboard_home"),
    path(DASHBOARD, views_dashboard.dashboard, name="dashboard"),
    path(DASHBOARD + "goal/", views_dashboard_settings.goal, name="goal"),
    path(
        DASHBOARD + "annotations/", views_dashboard_settings.annotation_add, name="annotation_add"
    ),
    path(
        DASHBOARD + "annotations/<int:annotation_id>/remove/",
        views_dashboard_settings.annotation_remove,
        name="annotation_remove",
    ),
    path(DASHBOARD + "benchmarks/", views_dashboard_settings.benchmark_add, name="benchmark_add"),
    path(
        DASHBOARD + "benchmarks/<int:benchmark_id>/remove/",
        views_dashboard_settings.benchmark_remove,
        name="benchmark_remove",
    ),
    path(DASHBOARD + "segments/", views_dashboard_settings.segments, name="segments"),
    path(
        DASHBOARD + "segments/<int:dimension_id>/remove/",
        views_dashboard_settings.segment_remove,
        name="segment_remove",
    ),
]
