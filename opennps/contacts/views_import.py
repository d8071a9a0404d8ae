"""The contact import page: upload a file, choose the mapping, read the report.

Under /w/<workspace id>/contacts/import/. Members who may edit the workspace import; anyone else
gets 404. The uploaded file waits between the two steps in DATA_DIR/imports/<workspace>/<token>,
so a token only works for its own workspace, and it is deleted once imported. Files of more than
PAGE_ROW_LIMIT rows are refused with a pointer to the command line, which has no such limit.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from opennps.accounts.scoping import membership_or_404
from opennps.contacts.import_writing import run_import
from opennps.contacts.importing import (
    ATTRIBUTE_TYPES,
    FIELDS,
    IGNORE,
    ImportFileError,
    build_spec,
    read_table,
    suggest_mapping,
)

PAGE_ROW_LIMIT = 20_000
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
SUFFIXES = (".csv", ".xlsx")
REPORT_LINES = 500  # errors shown on the page; the summary always counts all of them


def _folder(workspace_id: int) -> Path:
    return Path(settings.DATA_DIR) / "imports" / str(workspace_id)


def _stored(workspace_id: int, token: str) -> Path:
    match = re.fullmatch(r"([0-9a-f]{32})(\.csv|\.xlsx)", token)
    path = _folder(workspace_id) / token
    if match is None or not path.is_file():
        raise Http404
    return path


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_upload(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        suffix = Path(upload.name).suffix.lower() if upload else ""
        if upload is None:
            error = _("Choose a CSV or XLSX file to upload.")
        elif suffix not in SUFFIXES:
            error = _("The file must be a .csv or .xlsx file.")
        elif upload.size > MAX_UPLOAD_BYTES:
            error = _("The file is larger than 20 MB; import it with the opennps command.")
        else:
            token = uuid.uuid4().hex + suffix
            folder = _folder(workspace_id)
            folder.mkdir(parents=True, exist_ok=True)
            with (folder / token).open("wb") as target:
                for chunk in upload.chunks():
                    target.write(chunk)
            try:
                read_table(folder / token)
            except ImportFileError as problem:
                (folder / token).unlink(missing_ok=True)
                error = str(problem)
            else:
                return redirect("contacts:import_map", workspace_id=workspace_id, token=token)
    return render(
        request,
        "contacts/import_upload.html",
        {"workspace": membership.workspace, "membership": membership, "error": error},
        status=400 if error else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_map(request: HttpRequest, workspace_id: int, token: str) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    path = _stored(workspace_id, token)
    frame = read_table(path)
    suggested = suggest_mapping(frame.columns)
    error = ""
    if frame.height > PAGE_ROW_LIMIT:
        error = _(
            "The file has %(rows)s rows; the page imports up to %(limit)s. Import larger files "
            "with: opennps import contacts FILE --workspace NAME"
        ) % {"rows": frame.height, "limit": PAGE_ROW_LIMIT}
    columns = []
    for index, column in enumerate(frame.columns):
        target = request.POST.get(f"target_{index}", suggested[column]).strip()
        kind = request.POST.get(f"type_{index}", "text")
        sample = next((v for v in frame.get_column(column).head(20) if v is not None), "")
        columns.append(
            {"index": index, "name": column, "target": target, "type": kind, "sample": sample}
        )
    if request.method == "POST" and not error:
        try:
            spec = build_spec(
                frame.columns,
                {c["name"]: c["target"] or IGNORE for c in columns},
                types={c["name"]: c["type"] for c in columns if c["type"] != "text"},
            )
        except ImportFileError as problem:
            error = str(problem)
        else:
            report = run_import(membership.workspace, frame, spec)
            path.unlink(missing_ok=True)
            errors = sorted(report.errors, key=lambda e: (e.row, e.field))
            return render(
                request,
                "contacts/import_report.html",
                {
                    "workspace": membership.workspace,
                    "membership": membership,
                    "report": report,
                    "errors": errors[:REPORT_LINES],
                    "hidden_errors": max(0, len(errors) - REPORT_LINES),
                },
            )
    return render(
        request,
        "contacts/import_map.html",
        {
            "workspace": membership.workspace,
            "membership": membership,
            "columns": columns,
            "rows": frame.height,
            "fields": FIELDS,
            "types": ATTRIBUTE_TYPES,
            "error": error,
            "too_large": frame.height > PAGE_ROW_LIMIT,
        },
        status=400 if error else 200,
    )
