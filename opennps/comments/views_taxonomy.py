"""The workspace's drivers: everyone who may view reads them; analysts, admins and owners edit
(rename, add a driver with examples, add an example, correct a comment's drivers)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from opennps.accounts.scoping import membership_or_404
from opennps.comments import taxonomy as actions
from opennps.comments.forms import AddDriverForm, CorrectionForm, ExampleForm, RenameForm
from opennps.comments.models import DriverExample
from opennps.responses.models import Response
from opennps.text import TaxonomyError


def _back(request: HttpRequest, workspace_id: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("comments:taxonomy", args=[workspace_id]))


def _form_errors(request: HttpRequest, form) -> None:
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else name
        for error in errors:
            messages.error(request, f"{label}: {error}")


@login_required
@require_safe
def taxonomy(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "view")
    current = actions.workspace_taxonomy(workspace_id)
    language = get_language() or "en"
    team_examples = DriverExample.objects.filter(workspace_id=workspace_id).order_by("-pk")[:50]
    return render(
        request,
        "comments/taxonomy.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "nav_section": "drivers",
            "drivers": [
                {
                    "key": driver.key,
                    "label": driver.label(language),
                    "labels": sorted(driver.labels.items()),
                    "examples": len(driver.examples),
                    "languages": sorted({example.language for example in driver.examples}),
                }
                for driver in current.drivers
            ],
            "team_examples": team_examples,
            "can_edit": membership.can("edit"),
            # The page's language first: a manager renames and adds examples in their own.
            "rename_form": RenameForm(initial={"language": language}),
            "add_form": AddDriverForm(initial={"language": language}),
            "example_form": ExampleForm(initial={"language": language}),
        },
    )


@login_required
@require_POST
def rename(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership_or_404(request.user, workspace_id, "edit")
    form = RenameForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(request, workspace_id)
    try:
        actions.rename_driver(
            workspace_id,
            form.cleaned_data["key"],
            form.cleaned_data["label"],
            form.cleaned_data["language"],
        )
    except TaxonomyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The driver was renamed."))
    return _back(request, workspace_id)


@login_required
@require_POST
def add(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership_or_404(request.user, workspace_id, "edit")
    form = AddDriverForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(request, workspace_id)
    language = form.cleaned_data["language"]
    try:
        actions.add_driver(
            workspace_id,
            form.cleaned_data["key"],
            form.cleaned_data["label"],
            [(line, language) for line in form.example_lines()],
            request.user,
        )
    except TaxonomyError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The driver was added. Run a re-analysis to apply it to earlier comments."),
        )
    return _back(request, workspace_id)


@login_required
@require_POST
def example(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership_or_404(request.user, workspace_id, "edit")
    form = ExampleForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(request, workspace_id)
    try:
        actions.add_example(
            workspace_id,
            form.cleaned_data["key"],
            form.cleaned_data["text"],
            form.cleaned_data["language"],
            request.user,
        )
    except TaxonomyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The example was added."))
    return _back(request, workspace_id)


@login_required
@require_POST
def correct(request: HttpRequest, workspace_id: int, response_id: int) -> HttpResponse:
    """Correct one comment's drivers; comes back to the page it was sent from (if ours)."""
    membership_or_404(request.user, workspace_id, "edit")
    response = get_object_or_404(Response, pk=response_id, workspace_id=workspace_id)
    labels = actions.driver_labels(workspace_id)
    form = CorrectionForm(request.POST, choices=list(labels.items()))
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            actions.correct_drivers(response, form.cleaned_data["drivers"], request.user)
        except TaxonomyError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("The drivers were corrected; similar comments will follow.")
            )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("verbatims:responses", args=[workspace_id])
    return HttpResponseRedirect(target)
