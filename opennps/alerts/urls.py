"""Alert and webhook pages (namespace "alerts") under /w/<workspace id>/alerts/."""

from __future__ import annotations

from django.urls import path

from opennps.alerts import views

app_name = "alerts"

ALERTS = "w/<int:workspace_id>/alerts/"

urlpatterns = [
    path(ALERTS, views.rule_list, name="list"),
    path(ALERTS + "new/", views.rule_create, name="create"),
    path(ALERTS + "<int:rule_id>/", views.rule_edit, name="edit"),
    path(ALERTS + "<int:rule_id>/delete/", views.rule_delete, name="delete"),
    path(ALERTS + "webhooks/", views.webhook_list, name="webhooks"),
    path(ALERTS + "webhooks/new/", views.endpoint_form, name="endpoint_create"),
    path(ALERTS + "webhooks/<int:endpoint_id>/", views.endpoint_form, name="endpoint_edit"),
    path(
        ALERTS + "webhooks/<int:endpoint_id>/delete/",
        views.endpoint_delete,
        name="endpoint_delete",
    ),
    path(
        ALERTS + "deliveries/<int:delivery_id>/resend/",
        views.delivery_resend,
        name="resend",
    ),
]
