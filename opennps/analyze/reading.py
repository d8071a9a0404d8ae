"""Open a survey export (CSV, TSV, XLSX, Parquet, JSON Lines) as a Polars frame.

Every failure a user can cause (no such file, unsupported extension, empty file, corrupt workbook,
unparseable CSV) becomes an :class:`AnalyzeError` whose text is one sentence; nothing here lets a
Polars or fastexcel traceback through.

Row numbers follow what a spreadsheet user sees: in files with a header row (CSV, TSV, XLSX) the
header is row 1 and the first answer is row 2; Parquet and JSON Lines have no header, so their first
record is row 1 (blank lines in a JSON Lines file are not counted).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from opennps.analyze.errors import AnalyzeError
from opennps.analyze.i18n import _

__all__ = ["FORMATS", "AnalyzeError", "Source", "open_source"]

# extension -> (format, default separator for delimited text)
FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".parquet": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
SEPARATOR_CANDIDATES = (",", ";", "\t", "|")
SNIFF_BYTES = 64 * 1024
SCHEMA_SAMPLE_ROWS = 100  # more makes Polars slow to start; a wrong guess falls back to text
ROW_NUMBER = "__row"

POLARS_ERRORS: tuple[type[BaseException], ...] = (
    pl.exceptions.PolarsError,
    OSError,
    ValueError,
    RuntimeError,
)


@dataclass
class Source:
    """An input file whose header has been read, ready to be scanned for some of its columns."""

    path: Path
    format: str
    columns: list[str]
    first_row_number: int
    size_bytes: int
    separator: str | None = None
    notes: list[str] = field(default_factory=list)
    _frame: pl.DataFrame | None = None  # xlsx is read once, eagerly (fastexcel has no lazy scan)
    read_as_text: bool = False  # set once inferred types failed, so later scans agree with it

    @property
    def name(self) -> str:
        return self.path.name

    def scan(
        self, columns: Sequence[str], *, text_columns: Sequence[str], as_text: bool
    ) -> pl.LazyFrame:
        """A lazy frame of ``columns``; ``text_columns`` (and all of them if ``as_text``) as strings.

        With ``as_text`` off, Polars infers the other columns' types (and parses ISO dates), which
        is fast; a file whose later rows break that inference is read again with ``as_text`` on.
        """
        wanted = list(dict.fromkeys(columns))
        as_string = set(wanted) if as_text else set(text_columns)
        if self.format in {"csv", "tsv"}:
            frame = pl.scan_csv(
                self.path,
                separator=self.separator or ",",
                encoding="utf8-lossy",
                infer_schema=not as_text,
                infer_schema_length=SCHEMA_SAMPLE_ROWS,
                try_parse_dates=not as_text,
                schema_overrides=(
                    None if as_text else {name: pl.String for name in as_string} or None
                ),
            )
        elif self.format == "jsonl":
            frame = pl.scan_ndjson(
                self.path,
                infer_schema_length=SCHEMA_SAMPLE_ROWS,
                schema_overrides={name: pl.String for name in as_string} or None,
            )
        elif self.format == "parquet":
            frame = pl.scan_parquet(self.path)
        else:
            assert self._frame is not None
            frame = self._frame.lazy()
        frame = frame.select(wanted)
        if self.format in {"parquet", "xlsx"}:
            schema = frame.collect_schema()
            frame = frame.with_columns(_as_text(name, schema[name]) for name in as_string)
        return frame

    def sample_text(self, column: str, rows: int = 1_000) -> pl.Series:
        """The first ``rows`` values of ``column`` as text (only CSV/TSV keep dates as text)."""
        frame = pl.scan_csv(
            self.path,
            separator=self.separator or ",",
            encoding="utf8-lossy",
            infer_schema=False,
            n_rows=rows,
        )
        try:
            return frame.select(column).collect().get_column(column)
        except POLARS_ERRORS:
            return pl.Series(column, [], dtype=pl.String)

    def collect(self, query: Callable[[bool], pl.LazyFrame]) -> pl.DataFrame:
        """Run ``query(as_text)`` with inferred types, and again on text columns if that fails."""
        if not self.read_as_text:
            try:
                return query(False).collect(engine="streaming")
            except POLARS_ERRORS:
                self.read_as_text = True
        try:
            return query(True).collect(engine="streaming")
        except POLARS_ERRORS as error:
            raise AnalyzeError(
                _("Could not read {name} as {format}: {reason}.").format(
                    name=self.name, format=self.format.upper(), reason=_first_line(error)
                )
            ) from None


def _as_text(name: str, dtype: pl.DataType) -> pl.Expr:
    """A column as text; whole floats (Excel stores every number as one) lose their ".0"."""
    column = pl.col(name)
    if dtype.is_float():
        whole = column.is_finite() & (column == column.floor())
        return (
            pl.when(whole)
            .then(column.cast(pl.Int64, strict=False).cast(pl.String))
            .otherwise(column.cast(pl.String))
            .alias(name)
        )
    return column.cast(pl.String)


def open_source(path: str | Path) -> Source:
    """Check that ``path`` is a readable, non-empty file of a supported kind and read its header."""
    path = Path(path)
    if not path.exists():
        raise AnalyzeError(_("File not found: {path}.").format(path=path))
    if path.is_dir():
        raise AnalyzeError(_("{path} is a folder; give the path of a data file.").format(path=path))
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise AnalyzeError(
            _(
                "{name} has an unsupported extension; use one of {extensions} "
                "(CSV, TSV, Excel, Parquet or JSON Lines)."
            ).format(name=path.name, extensions=", ".join(FORMATS))
        )
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as error:
        raise AnalyzeError(
            _("Could not read {name}: {reason}.").format(name=path.name, reason=error.strerror)
        ) from None
    if not head.strip():
        raise AnalyzeError(_("{name} is empty.").format(name=path.name))
    if kind in {"csv", "tsv"}:
        return _delimited_source(path, kind, size, head)
    if kind == "xlsx":
        return _workbook_source(path, size)
    if kind == "parquet":
        return _lazy_source(path, kind, size, lambda: pl.scan_parquet(path), first_row=1)
    return _lazy_source(
        path,
        kind,
        size,
        lambda: pl.scan_ndjson(path, infer_schema_length=SCHEMA_SAMPLE_ROWS),
        first_row=1,
    )


def _delimited_source(path: Path, kind: str, size: int, head: bytes) -> Source:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise AnalyzeError(
            _("{name} is saved as UTF-16; save it as CSV UTF-8 and run again.").format(
                name=path.name
            )
        )
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    default = "\t" if kind == "tsv" else ","
    separator = sniff_separator(text, default=default, truncated=size > len(head))
    notes = []
    if not _is_utf8(head, truncated=size > len(head)):
        notes.append(
            _(
                "Some text in {name} is not valid UTF-8 (probably Latin-1/Windows-1252 bytes); "
                "those characters are shown as �."
            ).format(name=path.name)
        )
    try:
        schema = pl.scan_csv(
            path, separator=separator, encoding="utf8-lossy", infer_schema=False
        ).collect_schema()
    except POLARS_ERRORS as error:
        raise AnalyzeError(
            _("Could not read {name} as CSV: {reason}.").format(
                name=path.name, reason=_first_line(error)
            )
        ) from None
    return Source(
        path=path,
        format=kind,
        columns=list(schema.names()),
        first_row_number=2,
        size_bytes=size,
        separator=separator,
        notes=notes,
    )


def _workbook_source(path: Path, size: int) -> Source:
    try:
        frame = pl.read_excel(
            path,
            engine="calamine",
            sheet_id=1,
            infer_schema_length=None,
            drop_empty_rows=False,
            raise_if_empty=False,
        )
    except Exception as error:  # fastexcel raises its own exception classes
        raise AnalyzeError(
            _(
                "Could not open {name} as an Excel workbook, so it may be damaged or not really "
                "an .xlsx file ({reason})."
            ).format(name=path.name, reason=_first_line(error))
        ) from None
    if frame.width == 0:
        raise AnalyzeError(_("The first sheet of {name} is empty.").format(name=path.name))
    # Keep blank rows inside the sheet (so row numbers match Excel) but not the trailing ones.
    filled = frame.select(pl.any_horizontal(pl.all().is_not_null()).arg_true().max()).item()
    frame = frame.head(0 if filled is None else filled + 1)
    return Source(
        path=path,
        format="xlsx",
        columns=frame.columns,
        first_row_number=2,
        size_bytes=size,
        _frame=frame,
    )


def _lazy_source(
    path: Path, kind: str, size: int, scan: Callable[[], pl.LazyFrame], *, first_row: int
) -> Source:
    label = {"parquet": "Parquet", "jsonl": "JSON Lines"}[kind]
    try:
        schema = scan().collect_schema()
    except POLARS_ERRORS as error:
        raise AnalyzeError(
            _("Could not read {name} as {label}: {reason}.").format(
                name=path.name, label=label, reason=_first_line(error)
            )
        ) from None
    return Source(
        path=path,
        format=kind,
        columns=list(schema.names()),
        first_row_number=first_row,
        size_bytes=size,
    )


def sniff_separator(sample: str, *, default: str, truncated: bool = False) -> str:
    """The separator that splits the first records of ``sample`` into the most consistent columns.

    A candidate must give the header at least two fields; among those, the one for which most
    records have as many fields as the header wins, then the one giving more fields. The default
    (comma, or tab for .tsv) wins ties and is used when nothing splits the header.
    """
    best, best_rank = default, (0, 0, 0)
    for candidate in SEPARATOR_CANDIDATES:
        records = _first_records(sample, candidate, truncated=truncated)
        if not records or len(records[0]) < 2:
            continue
        width = len(records[0])
        consistent = sum(len(record) == width for record in records)
        rank = (consistent, width, candidate == default)
        if rank > best_rank:
            best, best_rank = candidate, rank
    return best


def _first_records(sample: str, separator: str, *, truncated: bool, limit: int = 50) -> list[list]:
    reader = csv.reader(io.StringIO(sample), delimiter=separator)
    records = []
    try:
        for record in reader:
            if record:
                records.append(record)
            if len(records) > limit:
                break
    except csv.Error:
        pass
    if truncated and len(records) > 1:
        records.pop()  # the sample may end inside the last record
    return records[:limit]


def _is_utf8(head: bytes, *, truncated: bool) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the end of the sample is not an encoding problem.
        return truncated and error.start >= len(head) - 3
    return True


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0].rstrip(".:")
