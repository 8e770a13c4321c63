"""warcio's test WARC and ARC files, read from ../shared/conformance at test time, through import_warc.

For every file: no traceback; a file warcio cannot read to its end is one WarcError line (after
the records before the break), and only such a file; every response, resource and revisit
record warcio reads (ARC converted) is counted, stored or dropped with a reason; every HTML
response or resource with an http(s) target and a 2xx status is read as a capture, like a crawl's
response.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.archive import Archive
from crawler.archive.warc import HTML_TYPES, READ_ERRORS, ImportSummary, WarcError, import_warc
from tests.conformance import WARCS, absent, warc_files

pytestmark = pytest.mark.skipif(bool(absent(WARCS)), reason=absent(WARCS) or "")


def warcio_reading(path: Path) -> tuple[Counter, bool]:
    """What warcio reads in a file: counts of record kinds (`capture`: an HTML 2xx http(s)
    response or resource) and whether it breaks before the end."""
    counts: Counter = Counter()
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                counts[record.rec_type] += 1
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                if record.rec_type == "resource":
                    status, kind = "200", record.rec_headers.get_header("Content-Type")
                elif record.rec_type == "response" and record.http_headers is not None:
                    status = record.http_headers.get_statuscode() or ""
                    kind = record.http_headers.get_header("Content-Type")
                else:
                    continue
                html = (kind or "").split(";")[0].strip().lower() in HTML_TYPES
                if url.startswith(("http://", "https://")) and status.startswith("2") and html:
                    counts["capture"] += 1
    except READ_ERRORS:
        return counts, True
    return counts, False


def warta_import(path: Path, archive_path: Path) -> tuple[ImportSummary, WarcError | None]:
    """What Warta's import makes of a file: its summary, and the error when it broke."""
    with Archive(archive_path) as archive:
        try:
            return import_warc(archive, [path]), None
        except WarcError as exc:
            assert exc.summary is not None, str(exc)
            return exc.summary, exc


def _files() -> list[Path]:
    return warc_files() if absent(WARCS) is None else []


def test_the_folder_is_read_whole():
    names = {path.suffix for path in _files()}
    assert len(_files()) >= 16 and {".arc", ".warc", ".gz"} <= names


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_file_is_read_as_warcio_reads_it(path: Path, tmp_path: Path):
    reading, breaks = warcio_reading(path)
    summary, error = warta_import(path, tmp_path / "archive.db")
    assert (error is not None) is breaks
    if error is not None:
        assert "\n" not in str(error) and str(error).startswith(f"{path} is not a readable WARC")
    assert summary.responses == reading["capture"]
    stored = summary.new + summary.updated + summary.unchanged + summary.duplicate
    stored += summary.already_there
    dropped = sum(summary.skipped.values())
    assert stored + dropped == summary.records
    assert summary.records == reading["response"] + reading["resource"] + reading["revisit"]
    assert summary.skipped["revisit"] == reading["revisit"]


def test_arc_and_resource_records_are_read():
    arc = [p for p in _files() if p.name == "test_data_example.arc"]
    resource = [p for p in _files() if p.name == "test_data_example-resource.warc.gz"]
    for path in arc + resource:
        reading, _breaks = warcio_reading(path)
        assert reading["capture"] == 1, path.name  # what the import above then reads
