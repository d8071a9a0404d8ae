"""Public: the widget `/w/<public id>.js` and its endpoints, kiosks `/k/<token>`.
Team pages under /w/<workspace id>/: kiosks, phone entry, widget settings, QR codes."""

from __future__ import annotations

from django.urls import URLPattern, path

from opennps.channels_web import views_kiosk, views_team, views_widget

app_name = "channels_web"

WIDGET = "w/<str:public_id>"
SURVEY = "w/<int:workspace_id>/surveys/<int:survey_id>/"
KIOSK = "w/<int:workspace_id>/kiosks/<int:kiosk_id>/"

urlpatterns: list[URLPattern] = [
    path(WIDGET + ".js", views_widget.script, name="widget_script"),
    path(WIDGET + "/eligibility", views_widget.eligibility, name="widget_eligibility"),
    path(WIDGET + "/answer", views_widget.answer, name="widget_answer"),
    path(WIDGET + "/comment", views_widget.comment, name="widget_comment"),
    path("k/<str:token>", views_kiosk.kiosk_question, name="kiosk"),
    path("k/<str:token>/more", views_kiosk.kiosk_followup, name="kiosk_more"),
    path("k/<str:token>/thanks", views_kiosk.kiosk_thanks, name="kiosk_thanks"),
    path(SURVEY + "widget/", views_team.widget_settings, name="widget_settings"),
    path(SURVEY + "qr.png", views_team.survey_qr, {"fmt": "png"}, name="survey_qr_png"),
    path(SURVEY + "qr.svg", views_team.survey_qr, {"fmt": "svg"}, name="survey_qr_svg"),
    path("w/<int:workspace_id>/kiosks/", views_team.kiosk_list, name="kiosks"),
    path(KIOSK + "toggle/", views_team.kiosk_toggle, name="kiosk_toggle"),
    path(KIOSK + "qr.png", views_team.kiosk_qr, {"fmt": "png"}, name="kiosk_qr_png"),
    path(KIOSK + "qr.svg", views_team.kiosk_qr, {"fmt": "svg"}, name="kiosk_qr_svg"),
    path("w/<int:workspace_id>/phone/", views_team.phone_entry, name="phone"),
]
