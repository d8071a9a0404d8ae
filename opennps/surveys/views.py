"""A workspace's surveys: list, create, view, edit settings, change status, share, logo.

Every view is scoped by `membership_or_404`: other workspaces' surveys and abilities the role lacks
answer 404. Owners, admins and analysts edit; viewers only look.
"""

from __future__ import annotations

import mimetypes

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from opennps.accounts.models import Membership
from opennps.accounts.scoping import membership_or_404
from opennps.surveys import editing
from opennps.surveys.actions import SurveyEditError
from opennps.surveys.forms import SurveySettingsForm
from opennps.surveys.models import Survey
from opennps.surveys.versions import latest_version

EDIT_OR_VIEW = ("GET", "HEAD", "POST")


def survey_or_404(
    request: HttpRequest, workspace_id: int, survey_id: int, ability: str
) -> tuple[Membership, Survey]:
    """The member's survey if their role grants `ability`; a survey of another workspace is 404."""
    membership = membership_or_404(request.user, workspace_id, ability)
    survey = get_object_or_404(Survey, pk=survey_id, workspace_id=workspace_id)
    return membership, survey


@login_required
@require_safe
def survey_list(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "view")
    surveys = Survey.objects.filter(workspace_id=workspace_id).annotate(
        response_count=Count("responses")
    )
    return render(
        request,
        "surveys/list.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "surveys": surveys,
            "can_edit": membership.can("edit"),
        },
    )


@login_required
@require_http_methods(EDIT_OR_VIEW)
def survey_create(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    form = SurveySettingsForm(
        request.POST or None, request.FILES or None, initial=SurveySettingsForm.initial_for(None)
    )
    if request.method == "POST" and form.is_valid():
        try:
            survey = editing.create_survey(
                membership.workspace, form.survey_fields(), form.cleaned_data["logo"]
            )
        except SurveyEditError as error:
            form.add_action_errors(error.errors)
        else:
            messages.success(
                request, _("The survey was created as a draft. Activate it to collect answers.")
            )
            return redirect("surveys:detail", workspace_id=workspace_id, survey_id=survey.pk)
    return render(
        request,
        "surveys/settings.html",
        {"membership": membership, "workspace": membership.workspace, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_safe
def survey_detail(request: HttpRequest, workspace_id: int, survey_id: int) -> HttpResponse:
    membership, survey = survey_or_404(request, workspace_id, survey_id, "view")
    return render(
        request,
        "surveys/detail.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "survey": survey,
            "can_edit": membership.can("edit"),
            "response_count": survey.responses.count(),
            "version": latest_version(survey),
            "questions": survey.extra_questions.all(),
            "status_actions": [
                (action, editing.STATUS_ACTION_LABELS[action])
                for action in editing.available_actions(survey)
            ],
        },
    )


@login_required
@require_http_methods(EDIT_OR_VIEW)
def survey_edit(request: HttpRequest, workspace_id: int, survey_id: int) -> HttpResponse:
    membership, survey = survey_or_404(request, workspace_id, survey_id, "edit")
    form = SurveySettingsForm(
        request.POST or None,
        request.FILES or None,
        survey=survey,
        initial=SurveySettingsForm.initial_for(survey),
    )
    if request.method == "POST" and form.is_valid():
        try:
            editing.update_survey(
                survey,
                form.survey_fields(),
                logo=form.cleaned_data["logo"],
                remove_logo=form.cleaned_data.get("remove_logo", False),
            )
        except SurveyEditError as error:
            form.add_action_errors(error.errors)
        else:
            messages.success(request, _("The settings were saved."))
            return redirect("surveys:detail", workspace_id=workspace_id, survey_id=survey.pk)
    return render(
        request,
        "surveys/settings.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "survey": survey,
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def survey_status(request: HttpRequest, workspace_id: int, survey_id: int) -> HttpResponse:
    _membership, survey = survey_or_404(request, workspace_id, survey_id, "edit")
    action = request.POST.get("action", "")
    try:
        editing.change_status(survey, action)
    except editing.StatusChangeError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The survey is now %(status)s.") % {"status": survey.get_status_display().lower()},
        )
    return redirect("surveys:detail", workspace_id=workspace_id, survey_id=survey.pk)


@login_required
@require_safe
def survey_share(request: HttpRequest, workspace_id: int, survey_id: int) -> HttpResponse:
    membership, survey = survey_or_404(request, workspace_id, survey_id, "view")
    link = f"{settings.BASE_URL}/s/{survey.public_id}"
    return render(
        request,
        "surveys/share.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "survey": survey,
            "link": link,
            "example_link": f"{link}?store=12&agent=olga",
        },
    )


@login_required
@require_safe
def survey_logo(request: HttpRequest, workspace_id: int, survey_id: int) -> FileResponse:
    """The logo for the team's own pages (the public page serves it on its own route)."""
    _membership, survey = survey_or_404(request, workspace_id, survey_id, "view")
    if not survey.logo:
        raise Http404
    try:
        handle = survey.logo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type = mimetypes.guess_type(survey.logo.name)[0] or "application/octet-stream"
    return FileResponse(handle, content_type=content_type)
