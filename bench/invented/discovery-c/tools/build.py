#!/usr/bin/env python3
"""Regenerate files/, cases.json and urls.json for discovery-c (deterministic)."""
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from common import CASES  # noqa: E402
import gen_sitemaps  # noqa: E402,F401
import gen_feeds  # noqa: E402,F401
import gen_api  # noqa: E402,F401
from gen_urls import URLS  # noqa: E402


def main():
    files = os.path.join(ROOT, "files")
    if os.path.isdir(files):
        shutil.rmtree(files)
    os.makedirs(files)
    seen = set()
    cases = []
    for case, body in CASES:
        assert case["file"] not in seen, case["file"]
        seen.add(case["file"])
        with open(os.path.join(files, case["file"]), "wb") as f:
            f.write(body)
        cases.append(case)
    with open(os.path.join(ROOT, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, ensure_ascii=False, indent=2)
        f.write("\n")
    rows = [{"url": u, "label": l, "why": w} for u, l, w in URLS]
    with open(os.path.join(ROOT, "urls.json"), "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"{len(cases)} cases, {len(rows)} urls")


if __name__ == "__main__":
    main()
