"""/api/v1/surveys: list, create, read, update, and the headline summary of one survey."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Max
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from opennps.api.auth import ADMIN, READ, workspace, workspace_id
from opennps.api.errors import ApiError
from opennps.api.queries import survey_summary
from opennps.api.schemas.filters import SummaryQuery
from opennps.api.schemas.surveys import (
    SummaryOut,
    SurveyCreateIn,
    SurveyKindName,
    SurveyListOut,
    SurveyOut,
    SurveyStatusName,
    SurveyUpdateIn,
)
from opennps.surveys.actions import SurveyEditError, create_survey, own_texts, update_survey
from opennps.surveys.models import Survey

router = Router(tags=["surveys"])


def survey_or_404(request: HttpRequest, survey_id: int) -> Survey:
    """The key's workspace's survey; another workspace's survey does not exist for this key."""
    survey = Survey.objects.filter(workspace_id=workspace_id(request), pk=survey_id).first()
    if survey is None:
        raise Http404
    return survey


def survey_json(survey: Survey, version: int | None = None) -> dict[str, object]:
    if version is None:
        version = getattr(survey, "current_version", None)
    if version is None:
        version = survey.versions.aggregate(number=Max("number"))["number"]
    return {
        "id": survey.pk,
        "public_id": survey.public_id,
        "url": f"{settings.BASE_URL}/s/{survey.public_id}",
        "name": survey.name,
        "kind": survey.kind,
        "status": survey.status,
        "brand": survey.brand,
        "default_language": survey.default_language,
        "languages": survey.all_languages,
        "texts": own_texts(survey),
        "hidden_attributes": survey.hidden_attributes,
        "ask_third_question": survey.ask_third_question,
        "promoter_cta_url": survey.promoter_cta_url,
        "accent_colour": survey.accent_colour,
        "version": version,
        "created_at": survey.created_at,
        "updated_at": survey.updated_at,
    }


def _edit_error(error: SurveyEditError) -> ApiError:
    return ApiError.for_fields(
        422, {f"body.{field}": " ".join(messages) for field, messages in error.errors.items()}
    )


def _split(payload: SurveyCreateIn | SurveyUpdateIn) -> tuple[dict, dict | None]:
    """(survey fields, texts) from a body, keeping only what the client sent."""
    sent = payload.model_dump(exclude_unset=True)
    for name, value in sent.items():
        if value is None:
            raise ApiError(
                422, _("Must not be null; leave the field out to keep it."), f"body.{name}"
            )
    texts = payload.texts
    sent.pop("texts", None)
    texts_sent = None
    if texts is not None:
        texts_sent = {lang: t.model_dump(exclude_unset=True) for lang, t in texts.items()}
        for lang, values in texts_sent.items():
            for key, value in values.items():
                if value is None:
                    raise ApiError(
                        422,
                        _('Must be a string; "" restores the default.'),
                        f"body.texts.{lang}.{key}",
                    )
    return sent, texts_sent


@router.get("", response=SurveyListOut, auth=READ, summary="List surveys")
def list_surveys(
    request: HttpRequest,
    status: SurveyStatusName | None = None,
    kind: SurveyKindName | None = None,
) -> dict[str, object]:
    """Every survey of the key's workspace, newest first."""
    surveys = (
        Survey.objects.filter(workspace_id=workspace_id(request))
        .annotate(current_version=Max("versions__number"))
        .prefetch_related("texts")
    )
    if status:
        surveys = surveys.filter(status=status)
    if kind:
        surveys = surveys.filter(kind=kind)
    return {"items": [survey_json(survey) for survey in surveys.order_by("-created_at", "-id")]}


@router.post("", response={201: SurveyOut}, auth=ADMIN, summary="Create a survey")
def create(request: HttpRequest, payload: SurveyCreateIn) -> Status:
    """Create a survey and publish its first version. Needs the `admin` scope."""
    fields, texts = _split(payload)
    name, brand, kind = fields.pop("name"), fields.pop("brand"), fields.pop("kind", "customer")
    try:
        survey = create_survey(
            workspace(request), name=name, brand=brand, kind=kind, fields=fields, texts=texts
        )
    except SurveyEditError as error:
        raise _edit_error(error) from error
    return Status(201, survey_json(survey))


@router.get("/{int:survey_id}", response=SurveyOut, auth=READ, summary="Read a survey")
def read(request: HttpRequest, survey_id: int) -> dict[str, object]:
    return survey_json(survey_or_404(request, survey_id))


@router.patch("/{int:survey_id}", response=SurveyOut, auth=ADMIN, summary="Update a survey")
def update(request: HttpRequest, survey_id: int, payload: SurveyUpdateIn) -> dict[str, object]:
    """Change the fields sent. When what respondents see changes, a new version is published;
    earlier responses keep the version they answered. Needs the `admin` scope."""
    survey = survey_or_404(request, survey_id)
    fields, texts = _split(payload)
    try:
        survey = update_survey(survey, fields, texts)
    except SurveyEditError as error:
        raise _edit_error(error) from error
    return survey_json(survey)


@router.get("/{int:survey_id}/summary", response=SummaryOut, auth=READ, summary="Headline NPS")
def summary(request: HttpRequest, survey_id: int, query: Query[SummaryQuery]) -> dict[str, object]:
    """n, promoters, passives, detractors, NPS and its confidence interval, with the same keys
    as `opennps analyze --format json`. Accepts the response list's filters."""
    survey = survey_or_404(request, survey_id)
    return survey_summary(survey, query.to_filters(), query.confidence, query.method)
