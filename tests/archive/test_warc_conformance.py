"""warcio's test WARC and ARC files, read from ../shared/conformance at test time, through import_warc.

For every file: no traceback; a file warcio cannot read to its end is one WarcError line (after
the records before the break), and only such a file; every response, resource and revisit
record warcio reads (ARC converted) is counted, stored or dropped with a reason; every HTML
response or resource with an http(s) target and a 2xx status is read as a capture, like a crawl's
response.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conformance import WARCS, absent, warc_files, warcio_reading, warta_import

pytestmark = pytest.mark.skipif(bool(absent(WARCS)), reason=absent(WARCS) or "")


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
