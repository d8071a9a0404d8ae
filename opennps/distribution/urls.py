from __future__ import annotations

from django.urls import path

from opennps.distribution import views, views_automation, views_campaigns, views_sms
from opennps.distribution.sms import inbound

app_name = "distribution"

CAMPAIGNS = "w/<int:workspace_id>/campaigns/"
AUTOMATION = "w/<int:workspace_id>/surveys/<int:survey_id>/automation/"

urlpatterns = [
    path("u/<str:token>", views.unsubscribe, name="unsubscribe"),
    path("sms/inbound/<str:provider>/<str:token>", inbound.inbound, name="sms_inbound"),
    path(CAMPAIGNS, views_campaigns.campaign_list, name="campaigns"),
    path(CAMPAIGNS + "new/", views_campaigns.campaign_create, name="campaign_create"),
    path(CAMPAIGNS + "preview/", views_campaigns.campaign_preview, name="campaign_preview"),
    path(CAMPAIGNS + "test/", views_campaigns.campaign_test_send, name="campaign_test"),
    path(CAMPAIGNS + "<int:campaign_id>/", views_campaigns.campaign_detail, name="campaign"),
    path(
        CAMPAIGNS + "<int:campaign_id>/cancel/",
        views_campaigns.campaign_cancel,
        name="campaign_cancel",
    ),
    path("w/<int:workspace_id>/sms/", views_sms.sms_settings, name="sms_settings"),
    path("w/<int:workspace_id>/sms/test/", views_sms.sms_test, name="sms_test"),
    path(AUTOMATION, views_automation.automation, name="automation"),
    path(AUTOMATION + "rules/new/", views_automation.rule_edit, name="rule_create"),
    path(AUTOMATION + "rules/<int:rule_id>/", views_automation.rule_edit, name="rule_edit"),
    path(
        AUTOMATION + "rules/<int:rule_id>/delete/",
        views_automation.rule_delete,
        name="rule_delete",
    ),
    path(AUTOMATION + "schedules/new/", views_automation.schedule_create, name="schedule_create"),
    path(
        AUTOMATION + "schedules/<int:schedule_id>/pause/",
        views_automation.schedule_pause,
        name="schedule_pause",
    ),
]
