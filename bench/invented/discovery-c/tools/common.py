"""Shared helper for the discovery-c generator modules.

Each generator module appends cases with ``add``. A case carries the body (str or bytes)
plus the gold fields that end up in cases.json.
"""

CASES = []

BOM = "\ufeff"


def add(file, kind, url, ctype, body, expect_urls, expect_kind, *, dates=None,
        well_formed=True, notes="", encoding="utf-8", status=200, extra_headers=None, **extra):
    if isinstance(body, str):
        body = body.encode(encoding)
    headers = {"Content-Type": ctype}
    if extra_headers:
        headers.update(extra_headers)
    case = {
        "file": file,
        "kind": kind,
        "url": url,
        "status": status,
        "headers": headers,
        "expect_urls": list(expect_urls),
        "expect_kind": expect_kind,
        "expect_dates": dict(dates or {}),
        "must_not_raise": True,
        "well_formed": well_formed,
        "notes": notes,
    }
    case.update(extra)
    CASES.append((case, body))
    return case
