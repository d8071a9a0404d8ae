"""Every API error is JSON of one shape: {"errors": [{"field": "body.score", "message": "..."}]}.

`field` is the path of the offending input (`body.…`, `query.…`, `header.…`, `path.…`), or null
when the error is about the request as a whole (authentication, a missing object, rate limits).
Nothing under /api/ answers with an HTML page, not even an unexpected exception.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

from opennps.web.cursors import InvalidCursorError

if TYPE_CHECKING:
    from ninja import NinjaAPI

logger = logging.getLogger(__name__)

JSON_CONTENT_TYPE = "application/json; charset=utf-8"
# ninja raises this (status 400) when the body is not JSON at all.
_UNPARSABLE_BODY = "Cannot parse request body"


class ApiError(HttpError):
    """An error an endpoint raises on purpose: status, a sentence, and the input it is about."""

    def __init__(self, status_code: int, message: str, field: str | None = None) -> None:
        super().__init__(status_code, message)
        self.field = field
        self.errors: list[dict[str, str | None]] = [{"field": field, "message": message}]

    @classmethod
    def for_fields(cls, status_code: int, messages: Mapping[str, str]) -> ApiError:
        """One error listing several fields at once ({field path: message})."""
        (first_field, first_message), *_rest = messages.items()
        error = cls(status_code, first_message, first_field)
        error.errors = [{"field": f, "message": m} for f, m in messages.items()]
        return error


def error_body(message: str, field: str | None = None) -> dict[str, list[dict[str, str | None]]]:
    return {"errors": [{"field": field, "message": message}]}


def error_response(status: int, message: str, field: str | None = None) -> JsonResponse:
    return JsonResponse(
        error_body(message, field),
        status=status,
        json_dumps_params={"ensure_ascii": False},
        content_type=JSON_CONTENT_TYPE,
    )


def _friendly_messages() -> Mapping[str, str]:
    """pydantic's error types in words a client developer can act on (one table, one place)."""
    return {
        "missing": _("This field is required."),
        "extra_forbidden": _("This field is not accepted here; check its spelling or remove it."),
        "string_type": _("Must be a string."),
        "string_too_long": _("Too long: at most %(max_length)s characters are allowed."),
        "string_too_short": _("Too short: at least %(min_length)s characters are needed."),
        "string_pattern_mismatch": _("Has characters that are not allowed here."),
        "int_type": _("Must be a whole number."),
        "int_parsing": _("Must be a whole number."),
        "int_from_float": _("Must be a whole number."),
        "float_type": _("Must be a number."),
        "float_parsing": _("Must be a number."),
        "bool_type": _("Must be true or false."),
        "bool_parsing": _("Must be true or false."),
        "dict_type": _("Must be a JSON object."),
        "model_type": _("Must be a JSON object."),
        "model_attributes_type": _("Must be a JSON object."),
        "list_type": _("Must be a JSON array."),
        "too_long": _("Too many items: at most %(max_length)s are allowed."),
        "literal_error": _("Must be one of %(expected)s."),
        "enum": _("Must be one of %(expected)s."),
        "greater_than": _("Must be greater than %(gt)s."),
        "greater_than_equal": _("Must be at least %(ge)s."),
        "less_than": _("Must be less than %(lt)s."),
        "less_than_equal": _("Must be at most %(le)s."),
        "date_type": _("Must be a date like 2024-05-31."),
        "date_parsing": _("Must be a date like 2024-05-31."),
        "date_from_datetime_parsing": _("Must be a date like 2024-05-31."),
        "datetime_type": _("Must be a date and time like 2024-05-31T09:30:00Z."),
        "datetime_parsing": _("Must be a date and time like 2024-05-31T09:30:00Z."),
        "datetime_from_date_parsing": _("Must be a date and time like 2024-05-31T09:30:00Z."),
        "timezone_aware": _(
            "Must include a time zone, like 2024-05-31T09:30:00Z or 2024-05-31T12:30:00+03:00."
        ),
        "url_type": _("Must be a full URL starting with https:// or http://."),
        "url_parsing": _("Must be a full URL starting with https:// or http://."),
        "url_scheme": _("Must be a full URL starting with https:// or http://."),
        "value_error": "%(error)s",
        "assertion_error": "%(error)s",
    }


def field_path(location: Iterable[Any]) -> str:
    """("body", "payload", "score") -> "body.score": the name of the Python argument is noise,
    and so is pydantic's "[key]" marker for a bad key of an object (the key itself is named)."""
    parts = [str(part) for part in location if part != "[key]"]
    if len(parts) >= 2 and parts[0] == "body" and parts[1] == "payload":
        del parts[1]
    return ".".join(parts)


def describe_validation_error(error: Mapping[str, Any]) -> dict[str, str | None]:
    context = dict(error.get("ctx") or {})
    template = _friendly_messages().get(error.get("type", ""))
    message = str(error.get("msg", ""))
    if template is not None:
        if "expected" in context:
            context["expected"] = str(context["expected"]).replace("'", "")
        try:
            message = template % context
        except (KeyError, TypeError, ValueError):
            message = str(error.get("msg", ""))
    return {"field": field_path(error.get("loc", ())), "message": message}


def _on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return JsonResponse(
        {"errors": [describe_validation_error(e) for e in exc.errors]},
        status=422,
        json_dumps_params={"ensure_ascii": False},
        content_type=JSON_CONTENT_TYPE,
    )


def _on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc, ApiError):
        response = JsonResponse(
            {"errors": exc.errors},
            status=exc.status_code,
            json_dumps_params={"ensure_ascii": False},
            content_type=JSON_CONTENT_TYPE,
        )
        if exc.status_code == 429:
            response["Retry-After"] = str(getattr(exc, "retry_after_seconds", 60))
        return response
    if exc.status_code == 400 and str(exc).startswith(_UNPARSABLE_BODY):
        return error_response(400, _("The request body is not valid JSON."), "body")
    if type(exc) is AuthenticationError:
        return error_response(401, _("Send a valid API key in the X-Api-Key header."))
    if type(exc) is AuthorizationError:
        return error_response(403, _("This API key may not do that."))
    return error_response(exc.status_code, str(exc))


def _on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return error_response(404, _("Not found."))


def _on_invalid_cursor(request: HttpRequest, exc: InvalidCursorError) -> HttpResponse:
    # Every paged list takes its position as the `cursor` query parameter.
    return error_response(
        422,
        _("This cursor is not valid; use the `next` value of a previous page."),
        "query.cursor",
    )


def _on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    # Clients get JSON they can parse; the traceback goes to the log, never to the client.
    logger.exception("Unhandled error in %s %s", request.method, request.path)
    return error_response(500, _("Something went wrong on our side. The error has been logged."))


def install_error_handlers(api: NinjaAPI) -> None:
    api.add_exception_handler(ValidationError, _on_validation_error)
    api.add_exception_handler(HttpError, _on_http_error)
    api.add_exception_handler(Http404, _on_not_found)
    api.add_exception_handler(InvalidCursorError, _on_invalid_cursor)
    api.add_exception_handler(Exception, _on_unexpected)


def not_found_view(request: HttpRequest, *args: object, **kwargs: object) -> JsonResponse:
    """JSON 404 for any path under /api/ that matches no endpoint."""
    return error_response(404, _("There is no API endpoint at this address."))
