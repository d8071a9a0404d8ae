"""However often the score is sent — double click, rapid posts, back button — one response."""

from __future__ import annotations

import pytest

from opennps.contacts.models import Contact
from opennps.distribution.models import create_invitation
from opennps.responses.models import Response

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_double_click_on_a_score_leaves_one_response(live_survey, open_page, javascript):
    survey = live_survey()
    page = open_page(java_script_enabled=javascript, locale="en-GB")
    posts = []
    page.on("request", lambda request: posts.append(request) if request.method == "POST" else None)
    page.goto(survey.url)
    from playwright.sync_api import expect

    page.locator('button.score[value="7"]').dblclick()
    # Without JS the second click aborts the first navigation; waiting for a navigation event
    # could catch that abort, so poll the address the page ends on instead.
    expect(page).to_have_url(f"{survey.url}/more")
    if javascript:
        assert len(posts) == 1, "the script must ignore the second click while sending"
    assert page.locator("h1").inner_text().startswith("We're sorry to hear that.")
    assert Response.objects.count() == 1
    assert Response.objects.get().score == 7


def test_two_simultaneous_posts_of_the_same_form_leave_one_response(live_survey, open_page):
    survey = live_survey()
    page = open_page(locale="en-GB")
    page.goto(survey.url)
    # Two posts in flight at once from the same browser, as a stuttering tap or a second tab.
    statuses = page.evaluate(
        """async () => {
            const form = document.querySelector("form");
            const send = () => {
                const data = new FormData(form);
                data.append("score", "9");
                return fetch(form.action, {method: "POST", body: data, redirect: "manual"});
            };
            const answers = await Promise.all([send(), send(), send()]);
            return answers.map((answer) => answer.type);
        }"""
    )
    assert statuses == ["opaqueredirect"] * 3
    assert Response.objects.count() == 1
    assert Response.objects.get().score == 9


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_going_back_and_choosing_another_score_updates_the_response(
    live_survey, open_page, javascript
):
    survey = live_survey()
    page = open_page(java_script_enabled=javascript, locale="en-GB")
    page.goto(survey.url)
    page.locator('button.score[value="4"]').click()
    page.wait_for_url(f"{survey.url}/more")
    page.go_back()
    page.wait_for_url(survey.url)
    page.locator('button.score[value="9"]').click()
    page.wait_for_url(f"{survey.url}/more")
    assert page.locator("h1").inner_text() == "Great! What is the main reason for your score?"
    assert list(Response.objects.values_list("score", flat=True)) == [9]


def test_a_double_click_on_an_employee_link_leaves_one_anonymous_response(
    live_survey, open_page, live_server
):
    survey = live_survey(kind="employee")
    employee = Contact.objects.create(workspace=survey.workspace, email="dan@shop.example")
    _invitation, token = create_invitation(survey, employee, "email")
    page = open_page(java_script_enabled=False, locale="en-GB")
    page.goto(f"{live_server.url}/r/{token}")
    page.locator('button.score[value="8"]').dblclick()
    page.wait_for_url(f"{live_server.url}/r/{token}/more")
    response = Response.objects.get()
    assert (response.score, response.contact_id, response.invitation_id) == (8, None, None)
