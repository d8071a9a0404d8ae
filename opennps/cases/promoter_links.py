"""Counting promoter activation: the thank-you page's review/referral link goes through
/go/<signed token>, which records the click and redirects to the survey's link.

The token is signed (not guessable or editable) and names only the response. Counting is rate
limited per IP address; over the limit the visitor is still redirected, just not counted, so a
limit never stands between a happy customer and the review page.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from django_ratelimit.core import is_ratelimited

from opennps.cases.models import PromoterClick
from opennps.responses.models import Response

SALT = "opennps.cases.promoter-link"
DEFAULT_CLICK_RATE = "20/m"


def promoter_link(response: Response) -> str:
    """The path that counts a click of this response's promoter link, then redirects."""
    token = signing.dumps(response.pk, salt=SALT, compress=False)
    return reverse("cases_public:go", args=[token])


def _target(response: Response) -> str:
    # The link the respondent was shown: the version's, else the survey's current one.
    url = (response.version.content or {}).get(
        "promoter_cta_url"
    ) or response.survey.promoter_cta_url
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else ""


@require_GET
def go(request: HttpRequest, token: str) -> HttpResponse:
    if len(token) > 200:
        raise Http404
    try:
        response_id = int(signing.loads(token, salt=SALT))
    except (signing.BadSignature, ValueError, TypeError):
        raise Http404 from None
    response = Response.objects.select_related("survey", "version").filter(pk=response_id).first()
    if response is None or not (target := _target(response)):
        raise Http404
    limited = is_ratelimited(
        request,
        group="opennps.cases.promoter-click",
        key="ip",
        rate=getattr(settings, "OPENNPS_PROMOTER_CLICK_RATE", DEFAULT_CLICK_RATE),
        increment=True,
    )
    if not limited:
        PromoterClick.objects.create(
            workspace_id=response.workspace_id,
            survey_id=response.survey_id,
            response=response,
            clicked_at=timezone.now(),
        )
    return HttpResponseRedirect(target)
