"""Every team page × every persona: the role decides, other workspaces do not exist (404).

alice owns Shop, dana is its analyst, bob its viewer, charlie owns another workspace only, and the
anonymous visitor is sent to sign in.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile

from opennps.accounts.actions.api_keys import create_api_key
from opennps.accounts.models import ApiKey, MemberInvitation, Membership, hash_secret
from opennps.surveys.actions import create_survey
from opennps.surveys.models import ExtraQuestion, Survey, SurveyText, SurveyVersion

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@dataclass
class World:
    ids: dict[str, int]

    def url(self, template: str) -> str:
        return template.format(**self.ids)


@pytest.fixture
def world(team) -> World:
    survey = create_survey(team.workspace, name="NPS", brand="Shop")
    survey.logo.save("logo.png", ContentFile(PNG))
    question = ExtraQuestion.objects.create(
        survey=survey, key="price", kind="rating", texts={"en": {"label": "Price?"}}
    )
    invitation = MemberInvitation.objects.create(
        workspace=team.workspace,
        email="new@example.com",
        role="viewer",
        token_hash=hash_secret("token"),
        expires_at=survey.created_at.replace(year=survey.created_at.year + 1),
    )
    key, _ = create_api_key(team.workspace, ["read"], name="CRM")
    return World(
        ids={
            "ws": team.workspace.id,
            "survey": survey.id,
            "question": question.id,
            "bob_member": Membership.objects.get(user=team.bob).id,
            "invitation": invitation.id,
            "key": key.id,
        }
    )


PERSONAS = ("alice", "dana", "bob", "charlie", "anonymous")

# page -> expected GET status for alice (owner), dana (analyst), bob (viewer), charlie (no access)
GET_MATRIX = {
    "/w/{ws}/": (302, 302, 302, 404),
    "/w/{ws}/surveys/": (200, 200, 200, 404),
    "/w/{ws}/surveys/new/": (200, 200, 404, 404),
    "/w/{ws}/surveys/{survey}/": (200, 200, 200, 404),
    "/w/{ws}/surveys/{survey}/edit/": (200, 200, 404, 404),
    "/w/{ws}/surveys/{survey}/texts/": (200, 200, 404, 404),
    "/w/{ws}/surveys/{survey}/questions/": (200, 200, 404, 404),
    "/w/{ws}/surveys/{survey}/questions/{question}/": (200, 200, 404, 404),
    "/w/{ws}/surveys/{survey}/share/": (200, 200, 200, 404),
    "/w/{ws}/surveys/{survey}/logo/": (200, 200, 200, 404),
    "/w/{ws}/members/": (200, 404, 404, 404),
    "/w/{ws}/api-keys/": (200, 404, 404, 404),
}

GET_CASES = [
    (page, persona, expected)
    for page, statuses in GET_MATRIX.items()
    for persona, expected in zip(PERSONAS, (*statuses, 302), strict=True)
]


def client_as(team, persona: str):
    return team.client_for(None if persona == "anonymous" else getattr(team, persona))


@pytest.mark.parametrize(("page", "persona", "expected"), GET_CASES)
def test_each_page_answers_each_persona_as_its_role_allows(team, world, page, persona, expected):
    response = client_as(team, persona).get(world.url(page))
    assert response.status_code == expected
    if persona == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")


# Writes: (page, form data, personas allowed to change something)
EDITORS = {"alice", "dana"}
MANAGERS = {"alice"}
SURVEY_FORM = {
    "name": "Changed",
    "kind": "customer",
    "brand": "Changed",
    "default_language": "en",
    "accent_colour": "#000000",
    "repeat_days_per_browser": "1",
    "daily_answers_per_ip": "1",
}
POST_CASES = [
    ("/w/{ws}/surveys/new/", SURVEY_FORM, EDITORS),
    ("/w/{ws}/surveys/{survey}/edit/", SURVEY_FORM, EDITORS),
    ("/w/{ws}/surveys/{survey}/status/", {"action": "activate"}, EDITORS),
    ("/w/{ws}/surveys/{survey}/texts/", {"language": "en", "en-question": "Hi {brand}?"}, EDITORS),
    (
        "/w/{ws}/surveys/{survey}/questions/",
        {"kind": "text", "key": "wish", "label_en": "Wish?"},
        EDITORS,
    ),
    ("/w/{ws}/surveys/{survey}/questions/{question}/", {"label_en": "Cost?"}, EDITORS),
    ("/w/{ws}/surveys/{survey}/questions/{question}/remove/", {}, EDITORS),
    ("/w/{ws}/members/invite/", {"email": "x@example.com", "role": "viewer"}, MANAGERS),
    ("/w/{ws}/members/{bob_member}/role/", {"role": "analyst"}, MANAGERS),
    ("/w/{ws}/members/{bob_member}/remove/", {}, MANAGERS),
    ("/w/{ws}/invitations/{invitation}/cancel/", {}, MANAGERS),
    ("/w/{ws}/api-keys/{key}/revoke/", {}, MANAGERS),
]


def database_state() -> tuple:
    return (
        list(Survey.objects.order_by("pk").values_list("name", "brand", "status", "accent_colour")),
        SurveyVersion.objects.count(),
        list(SurveyText.objects.values_list("language", "question")),
        list(ExtraQuestion.objects.order_by("pk").values_list("key", "texts")),
        list(Membership.objects.order_by("pk").values_list("user_id", "role")),
        MemberInvitation.objects.count(),
        list(ApiKey.objects.order_by("pk").values_list("pk", "revoked_at")),
    )


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("page", "data", "allowed"), POST_CASES)
def test_each_write_changes_data_only_for_the_roles_allowed(
    team, world, mailoutbox, page, data, allowed, persona
):
    before = database_state()
    response = client_as(team, persona).post(world.url(page), data)
    after = database_state()
    if persona in allowed:
        assert response.status_code == 302
        assert after != before
    else:
        assert response.status_code == (302 if persona == "anonymous" else 404)
        assert after == before


def test_a_survey_of_another_workspace_is_not_found_under_ones_own(team):
    theirs = create_survey(team.other_workspace, name="Theirs", brand="Other")
    client = team.client_for(team.alice)
    for suffix in ("", "edit/", "share/", "texts/", "questions/"):
        url = f"/w/{team.workspace.id}/surveys/{theirs.id}/{suffix}"
        assert client.get(url).status_code == 404, url
    assert client.get(f"/w/{team.other_workspace.id}/surveys/").status_code == 404
    assert (
        client.post(
            f"/w/{team.workspace.id}/surveys/{theirs.id}/status/", {"action": "activate"}
        ).status_code
        == 404
    )
    assert Survey.objects.get(pk=theirs.pk).status == "draft"
