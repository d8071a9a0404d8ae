from __future__ import annotations

from django.urls import include, path

urlpatterns = [
    path("", include("opennps.web.urls")),
    path("accounts/", include("opennps.accounts.urls")),
    path("", include("opennps.surveys.urls")),  # team pages under /w/<workspace id>/surveys/
    path("", include("opennps.responses.urls")),  # public pages: /s/<public id>, /r/<token>
    path("api/", include("opennps.api.urls")),
    path("", include("opennps.distribution.urls")),  # public: /u/<token> (unsubscribe)
    # public: widget /w/<public id>.js, kiosk /k/<token>; kiosks, phone entry under /w/<id>/
    path("", include("opennps.channels_web.urls")),
    path("", include("opennps.analytics.urls_responses")),  # responses, exports, reports
    path("", include("opennps.analytics.urls")),
    path("", include("opennps.contacts.urls")),  # contacts and imports under /w/<id>/contacts/
    path("", include("opennps.comments.urls")),  # drivers page and taxonomy editing
    path("", include("opennps.alerts.urls")),  # alert rules and webhooks under /w/<id>/alerts/
    path("", include("opennps.cases.urls")),  # case inbox under /w/<id>/cases/; public /go/<token>
]
