"""Playbooks ship in five languages for four groups; a workspace can rewrite its own."""

from __future__ import annotations

from datetime import timedelta

import pytest

from opennps.cases.models import PlaybookGroup
from opennps.cases.playbook_texts import SHIPPED
from opennps.cases.playbooks import draft_reply, playbook_for, playbook_language


@pytest.mark.parametrize("language", ["en", "ru", "kk", "bg", "zh-hans"])
def test_every_group_ships_steps_and_a_reply_in_each_language(language):
    assert set(SHIPPED[language]) == set(PlaybookGroup.values)
    for playbook in SHIPPED[language].values():
        assert len(playbook["steps"]) >= 3
        assert "{name}" in playbook["reply_body"] and "{brand}" in playbook["reply_body"]
        assert playbook["reply_subject"]


def test_languages_fall_back_sensibly():
    assert [playbook_language(c) for c in ("ru-RU", "zh-Hans", "zh", "kk", "de", "")] == [
        "ru",
        "zh-hans",
        "zh-hans",
        "kk",
        "en",
        "en",
    ]


def test_a_reply_is_drafted_in_the_contacts_language_with_name_and_brand(answer, make_contact):
    case = answer(2, contact=make_contact(name="Айгерим", language="kk")).case
    subject, body = draft_reply(case)
    assert subject == SHIPPED["kk"]["detractor"]["reply_subject"]
    assert body.startswith("Құрметті Айгерим!") and "Shop" in body


def test_an_admin_rewrites_a_playbook_and_can_go_back(team, answer, make_contact):
    alice = team.client_for(team.alice)
    url = f"/w/{team.workspace.pk}/cases/playbooks/detractor/en/"
    assert alice.get(url).status_code == 200
    alice.post(
        url,
        {
            "steps": "Call within the hour\n\nOffer a voucher",
            "reply_subject": "Sorry, {name}",
            "reply_body": "Hello {name}, {brand} will call you.",
        },
    )
    book = playbook_for(team.workspace.pk, "detractor", "en")
    assert book["steps"] == ["Call within the hour", "Offer a voucher"]
    case = answer(2, contact=make_contact(name="Sam")).case
    assert draft_reply(case) == ("Sorry, Sam", "Hello Sam, Shop will call you.")
    page = alice.get(f"/w/{team.workspace.pk}/cases/{case.pk}/").content.decode()
    assert "Call within the hour" in page
    alice.post(url, {"reset": "1"})
    assert playbook_for(team.workspace.pk, "detractor", "en") == SHIPPED["en"]["detractor"]


def test_analysts_and_other_workspaces_cannot_edit_playbooks(team):
    url = f"/w/{team.workspace.pk}/cases/playbooks/detractor/en/"
    assert team.client_for(team.dana).get(url).status_code == 404
    assert team.client_for(team.charlie).get(url).status_code == 404
    assert team.client_for(team.alice).get(url.replace("/en/", "/xx/")).status_code == 404


def test_loop_settings_are_saved_and_checked(team, answer, make_contact):
    alice = team.client_for(team.alice)
    url = f"/w/{team.workspace.pk}/cases/settings/"
    fields = {
        "open_for_passives": "on",
        "sla_hours": "24",
        "resurvey_after_days": "30",
        "priority_attribute": "revenue",
        "high_value_from": "5000",
        "urgent_value_from": "50000",
        "priority_segments_text": "plan=gold: urgent",
    }
    assert alice.post(url, fields).status_code == 302
    bad = alice.post(url, {**fields, "priority_segments_text": "gold"})
    assert bad.status_code == 400 and "Line 1" in bad.content.decode()
    case = answer(8, contact=make_contact(attributes={"plan": "gold"})).case
    assert (case.nps_class, case.priority) == ("passive", "urgent")
    assert case.due_at - case.opened_at == timedelta(hours=24)
