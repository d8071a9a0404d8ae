"""The two ways into a survey — the open link and a personal link — behind one interface.

The page flow (question → follow-up → thanks) is the same for both; only how a score is recorded
and how the respondent's response is found again differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from opennps.distribution.models import Channel, Invitation, invitation_for_token
from opennps.responses.actions import (
    Answer,
    browser_may_answer,
    record_score_from_browser,
    record_score_from_invitation,
    revisable,
)
from opennps.responses.models import Response
from opennps.responses.prefetch import survey_for_writing
from opennps.responses.views.guards import remembered_answer_id
from opennps.surveys.models import Survey

PUBLIC_ID = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,100}$")


@dataclass
class SurveyLink:
    survey: Survey
    route: str  # "open" or "personal": the prefix of the URL names
    key: str  # the public id or the token, as it appears in the URL
    invitation: Invitation | None = None

    @property
    def is_personal(self) -> bool:
        return self.invitation is not None

    @property
    def channel(self) -> str:
        return self.invitation.channel if self.invitation is not None else Channel.WEB

    @property
    def contact_language(self) -> str:
        return self.invitation.contact.language if self.invitation is not None else ""

    @property
    def expired(self) -> bool:
        expires_at = self.invitation.expires_at if self.invitation is not None else None
        return expires_at is not None and expires_at <= timezone.now()

    def url(self, step: str = "") -> str:
        name = f"responses:{self.route}_{step}" if step else f"responses:{self.route}"
        return reverse(name, args=[self.key])

    def record_score(self, request: HttpRequest, answer: Answer, browser_id: str) -> Response:
        previous_id = remembered_answer_id(request, self.survey)
        if self.invitation is not None:
            return record_score_from_invitation(
                self.invitation, answer, previous_id, browser_id=browser_id
            )
        return record_score_from_browser(self.survey, answer, browser_id, previous_id)

    def current_response(self, request: HttpRequest) -> Response | None:
        """The response this respondent may still see and revise, if any.

        A named contact's response is found from the invitation (any device with the token); an
        anonymous or open-link response only from this browser's signed cookie.
        """
        if self.invitation is not None and not self.survey.is_anonymous:
            return (
                Response.objects.select_related("version")
                .filter(invitation=self.invitation)
                .order_by("-created_at")
                .first()
            )
        answer_id = remembered_answer_id(request, self.survey)
        if answer_id is None:
            return None
        return (
            Response.objects.select_related("version")
            .filter(pk=answer_id, survey=self.survey)
            .first()
        )

    def may_answer(self, request: HttpRequest, browser_id: str) -> bool:
        """False when a score from this respondent would be refused as already answered."""
        if self.invitation is None:
            return browser_may_answer(
                self.survey, browser_id, remembered_answer_id(request, self.survey)
            )
        if not self.invitation.responded:
            return True
        return revisable(self.current_response(request))


def open_link(public_id: str) -> SurveyLink | None:
    if not PUBLIC_ID.match(public_id):
        return None
    # With what storing an answer needs (latest version, segment keys): no further query for them.
    survey = survey_for_writing(public_id=public_id)
    return SurveyLink(survey=survey, route="open", key=public_id) if survey else None


def personal_link(token: str) -> SurveyLink | None:
    if not TOKEN.match(token):
        return None
    invitation = invitation_for_token(token)
    if invitation is None:
        return None
    return SurveyLink(survey=invitation.survey, route="personal", key=token, invitation=invitation)
