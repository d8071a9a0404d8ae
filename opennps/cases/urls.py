"""Case pages under /w/<workspace id>/cases/; public: the promoter link /go/<token> and the
inbound mail endpoint /mail/inbound/<token>."""

from __future__ import annotations

from django.urls import include, path

from opennps.cases import inbound, promoter_links, views, views_loop

CASES = "w/<int:workspace_id>/cases/"
CASE = CASES + "<int:case_id>/"

case_patterns = [
    path(CASES, views.inbox, name="inbox"),
    path(CASES + "assign", views.bulk_assign, name="bulk_assign"),
    path(CASES + "loop/", views_loop.loop, name="loop"),
    path(CASES + "non-respondents/", views_loop.non_respondents, name="non_respondents"),
    path(CASES + "settings/", views_loop.loop_settings, name="settings"),
    path(
        CASES + "playbooks/<str:group>/<str:language>/",
        views_loop.edit_playbook,
        name="playbook",
    ),
    path(CASE, views.detail, name="detail"),
    path(CASE + "assign", views.assign, name="assign"),
    path(CASE + "status", views.change_status, name="status"),
    path(CASE + "note", views.add_note, name="note"),
    path(CASE + "reply", views.reply, name="reply"),
]

public_patterns = [
    path("go/<str:token>", promoter_links.go, name="go"),
    path("mail/inbound/<str:token>", inbound.inbound_mail, name="inbound_mail"),
    # Mailgun posts the raw message (field body-mime) only to URLs that end in "mime".
    path("mail/inbound/<str:token>/mime", inbound.inbound_mail, name="inbound_mail_mime"),
]

urlpatterns = [
    path("", include((case_patterns, "cases"))),
    path("", include((public_patterns, "cases_public"))),
]
