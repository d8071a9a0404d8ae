"""What a survey says: its texts per language and its extra questions (edit ability)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from opennps.accounts.models import Membership
from opennps.surveys import editing
from opennps.surveys.actions import SurveyEditError
from opennps.surveys.forms import ExtraQuestionForm, SurveyTextsForm, language_choices
from opennps.surveys.models import ExtraQuestion, SurveyText
from opennps.surveys.views import EDIT_OR_VIEW, survey_or_404
from opennps.surveys.wording import TEXT_KEYS


@login_required
@require_http_methods(EDIT_OR_VIEW)
def survey_texts(request: HttpRequest, workspace_id: int, survey_id: int) -> HttpResponse:
    """One form per language; a POST saves the language it names and leaves the others alone."""
    membership, survey = survey_or_404(request, workspace_id, survey_id, "edit")
    languages = survey.all_languages
    stored = {text.language: text for text in SurveyText.objects.filter(survey=survey)}
    posted = request.POST.get("language") if request.method == "POST" else None
    if posted is not None and posted not in languages:
        raise Http404
    forms = []
    for code in languages:
        initial = {key: getattr(stored[code], key) for key in TEXT_KEYS} if code in stored else {}
        data = request.POST if code == posted else None
        forms.append(SurveyTextsForm(data, survey=survey, language=code, initial=initial))
    bound = next((form for form in forms if form.is_bound), None)
    if bound is not None and bound.is_valid():
        try:
            editing.save_texts(survey, bound.language, bound.cleaned_data)
        except SurveyEditError as error:
            for field, field_messages in error.errors.items():
                key = field.rsplit(".", 1)[-1]
                bound.add_error(key if key in bound.fields else None, field_messages)
    if bound is not None and bound.is_valid():
        names = dict(language_choices())
        messages.success(
            request, _("The texts in %(language)s were saved.") % {"language": names[posted]}
        )
        url = reverse(
            "surveys:texts", kwargs={"workspace_id": workspace_id, "survey_id": survey.pk}
        )
        return redirect(f"{url}#texts-{posted}")
    return render(
        request,
        "surveys/texts.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "survey": survey,
            "forms": forms,
        },
        status=400 if bound is not None else 200,
    )


@login_required
@require_http_methods(EDIT_OR_VIEW)
def question_list(request: HttpRequest, workspace_id: int, survey_id: int) -> HttpResponse:
    """The survey's extra questions in order, and the form that adds one."""
    membership, survey = survey_or_404(request, workspace_id, survey_id, "edit")
    form = ExtraQuestionForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        editing.add_question(
            survey,
            key=form.cleaned_data["key"],
            kind=form.cleaned_data["kind"],
            required=form.cleaned_data["required"],
            texts=form.question_texts(),
        )
        messages.success(request, _("The question was added."))
        return redirect("surveys:questions", workspace_id=workspace_id, survey_id=survey.pk)
    return render(
        request,
        "surveys/questions.html",
        {
            "membership": membership,
            "workspace": membership.workspace,
            "survey": survey,
            "questions": survey.extra_questions.all(),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


def _question_or_404(
    request: HttpRequest, workspace_id: int, survey_id: int, question_id: int
) -> tuple[Membership, ExtraQuestion]:
    membership, survey = survey_or_404(request, workspace_id, survey_id, "edit")
    question = get_object_or_404(ExtraQuestion, pk=question_id, survey=survey)
    return membership, question


@login_required
@require_http_methods(EDIT_OR_VIEW)
def question_edit(
    request: HttpRequest, workspace_id: int, survey_id: int, question_id: int
) -> HttpResponse:
    membership, question = _question_or_404(request, workspace_id, survey_id, question_id)
    survey = question.survey
    form = ExtraQuestionForm(request.POST or None, survey=survey, question=question)
    if request.method == "POST" and form.is_valid():
        editing.update_question(question, form.cleaned_data["required"], form.question_texts())
        messages.success(request, _("The question was saved."))
        return redirect("surveys:questions", workspace_id=workspace_id, survey_id=survey.pk)
    return render(
        request,
        "surveys/question_edit.html",
        {
            "membership": membership,
            "workspace": survey.workspace,
            "survey": survey,
            "question": question,
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def question_remove(
    request: HttpRequest, workspace_id: int, survey_id: int, question_id: int
) -> HttpResponse:
    _membership, question = _question_or_404(request, workspace_id, survey_id, question_id)
    editing.remove_question(question)
    messages.success(request, _("The question %(key)s was removed.") % {"key": question.key})
    return redirect("surveys:questions", workspace_id=workspace_id, survey_id=survey_id)


@login_required
@require_POST
def question_move(
    request: HttpRequest, workspace_id: int, survey_id: int, question_id: int
) -> HttpResponse:
    _membership, question = _question_or_404(request, workspace_id, survey_id, question_id)
    offsets = {"up": -1, "down": 1}
    if request.POST.get("direction") not in offsets:
        messages.error(request, _("Choose to move the question up or down."))
    else:
        editing.move_question(question, offsets[request.POST["direction"]])
    return redirect("surveys:questions", workspace_id=workspace_id, survey_id=survey_id)
