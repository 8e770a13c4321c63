"""Story location quality and speed: Warta's own gold set and the corpus's dateline gold.

1. `tests/places/gold.json`: invented datelines, headlines and bodies written for Warta, one per
   hard case (seats and towns, villages, shared names, abbreviations, upper case, two places in a
   dateline, a story in another province than the portal's, names that are no places).
   Precision and recall of the story's regency code; every miss is listed.
2. `../shared/corpus` id-national and id-regional: every gold `dateline_place` is coded with its
   article's own headline and body as context and compared with the regency code read by hand
   from the article (below; a place that names no regency says why).
3. Speed: milliseconds to code one article (all articles of both, many rounds), and the cost of
   loading the gazetteer.

Run: `python bench/region.py` (`--json` for the figures as JSON).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # `python bench/region.py` from the repo root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metrics import load_gold
from crawler.places import gazetteer, home_codes, locate

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "places" / "gold.json"
SPEED_ROUNDS = 20  # rounds over all articles: ~3,000 codings, a stable mean on a shared machine
TARGET_MS = 0.5  # the bound: coding must not slow the crawl measurably
TARGET_PRECISION, TARGET_RECALL = 0.98, 0.95

DEV_CODES: dict[str, tuple[str | None, str]] = {
    # id-national
    "antara-1": ("52.71", "Mataram, NTB: Kota Mataram"),
    "antara-2": ("18.71", "Bandarlampung, Lampung: Kota Bandar Lampung"),
    "antara-3": (None, "Istanbul: abroad"),
    "antara-4": (None, "Jakarta: the province (DKI Jakarta, 31), which has five cities"),
    "antara-5": (None, "Jakarta: the province (DKI Jakarta, 31), which has five cities"),
    "detik-1": (None, "Jakarta: the province (DKI Jakarta, 31), which has five cities"),
    "kompas-1": ("11.73", "Lhokseumawe: Kota Lhokseumawe"),
    "kompas-2": (None, "Jakarta: the province (DKI Jakarta, 31), which has five cities"),
    "kompas-3": (None, "Los Angeles: abroad"),
    "kompas-4": ("51.03", "Kuta: the district of Kabupaten Badung, Bali (the body names Bali)"),
    "kompas-5": (None, "Jakarta: the province (DKI Jakarta, 31), which has five cities"),
    "liputan6-1": (None, "Jakarta: the province (DKI Jakarta, 31), which has five cities"),
    "liputan6-2": (None, "Jakarta: the province (DKI Jakarta, 31), which has five cities"),
    "okezone-2": (None, "Jakarta: the province (DKI Jakarta, 31), which has five cities"),
    # id-regional
    "liputanabn-1": ("16.07", "Banyuasin"),
    "infomerdeka-1": ("16.07", "Banyuasin"),
    "liputansumsel-1": ("16.71", "Palembang"),
    "suarapublik-1": ("16.71", "Palembang"),
    "reformasiri-3": ("16.71", "Palembang"),
    "sumeks-1": ("16.02", "Kayuagung, seat of Ogan Komering Ilir"),
    "lahatonline-1": ("16.04", "Mekar Jaya, a village of Kikim Barat, Lahat (66 namesakes)"),
    "jpnn-lahat-1": ("16.04", "Lahat"),
    "jabarnews-1": ("32.78", "Tasikmalaya: the city, as the body says (Kota Tasikmalaya)"),
    "kabarrakyat-1": ("35.12", "Situbondo"),
    "matamadura-1": ("35.27", "Sampang"),
    "balanganews-1": ("62.10", "Kuala Kurun, seat of Gunung Mas"),
    "pedomanrakyat-1": ("73.71", "Makassar"),
    "binmas-sumbawa-1": ("52.04", "Sumbawa NTB: Kabupaten Sumbawa"),
    "suarantb-1": ("52.71", "Mataram"),
    "pedomanbengkulu-1": ("17.01", "Bengkulu Selatan"),
    "bersuarakita-1": ("11.08", "Aceh Utara"),
    "realitasonline-1": ("12.02", "Tarutung, seat of Tapanuli Utara"),
    "swaramalut-1": ("82.03", "Halut: Halmahera Utara"),
}
"""The regency code of each gold dateline place, read by hand from its article (Warta's
annotation; the corpus gives only the place as written)."""


def gold_cases() -> list[dict]:
    """Warta's own gold set (tests/places/gold.json)."""
    return json.loads(GOLD.read_text(encoding="utf-8"))


def code_case(case: dict):
    """The StoryLocation of one gold case."""
    home = home_codes(*case["home"]) if case.get("home") else []
    return locate(case.get("dateline"), case.get("title"), case.get("body"), home=home)


def score_gold() -> dict:
    """Regency-level precision and recall on the gold set, province accuracy, and the misses."""
    tp = fp = fn = province_ok = 0
    misses = []
    for case in gold_cases():
        found = code_case(case)
        want, got = case["regency"], found.regency_code
        if got is not None and got == want:
            tp += 1
        else:
            fp += got is not None
            fn += want is not None
            if got != want:
                misses.append(f"{case['id']}: got {got} want {want} ({case['kind']})")
        province_ok += found.province_code == case["province"]
    cases = len(gold_cases())
    return {
        "cases": cases,
        "with_regency": sum(1 for c in gold_cases() if c["regency"]),
        "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "province_accuracy": round(province_ok / cases, 4),
        "misses": misses,
    }


def dev_records() -> list[tuple[str, str, str | None, str]]:
    """(id, dateline place, title, body) of every corpus article whose gold names a dateline
    place; empty when ../shared is absent."""
    records = []
    for record in load_gold("id-national") or []:
        if record.get("dateline_place"):
            records.append((record["id"], record["dateline_place"], record.get("title"),
                            record["body"]))  # fmt: skip
    for record in load_gold("id-regional") or []:
        expected = record["expected"]
        if expected.get("dateline_place"):
            records.append((record["id"], expected["dateline_place"], record.get("title"),
                            expected["body"]))  # fmt: skip
    return records


def dateline_code(location) -> str | None:
    """The regency code the dateline place itself got (not the body's refinement)."""
    for place in location.places:
        if place["where"] == "dateline" and place["code"].count(".") >= 1:
            return place["code"][:5]
    return None


def score_dev() -> dict:
    """The dateline-place table on the corpus's dev sets."""
    rows = []
    right = with_regency = text_right = 0
    for article_id, place, title, body in dev_records():
        want, why = DEV_CODES.get(article_id, (None, "not annotated"))
        location = locate(place, title, body)
        got = dateline_code(location)
        ok = got == want
        right += ok and want is not None
        with_regency += want is not None
        text_only = locate(None, title, body).regency_code
        text_right += want is not None and text_only == want
        rows.append((article_id, place, want, got, location.regency_code, text_only, ok, why))
    return {
        "rows": rows,
        "right": right,
        "with_regency": with_regency,
        "articles": len(rows),
        "text_only_right": text_right,
    }


def score_foreign() -> dict:
    """How many of WCXB's 703 article pages (mostly English, no Indonesian region story) get a
    story location from their headline and body (a precision check on text that is no
    Indonesian news)."""
    gold = load_gold("wcxb-articles") or {}
    coded = [
        (name, found.province, found.regency)
        for name, record in gold.items()
        if (found := locate(None, record.get("title"), record.get("body") or "")).province_code
    ]
    return {"pages": len(gold), "coded": coded}


def speed() -> dict:
    """Milliseconds per article coded (warm), and the gazetteer's one-off loading costs."""
    code = (
        "import time; t = time.perf_counter(); from crawler.places import gazetteer;"
        " i = time.perf_counter(); g = gazetteer(); b = time.perf_counter(); g.load_all();"
        " a = time.perf_counter();"
        " print(round((i - t) * 1000), round((b - i) * 1000), round((a - b) * 1000))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    import_ms, base_ms, all_ms = (int(x) for x in out.stdout.split())
    gazetteer().load_all()
    articles = [(c.get("dateline"), c.get("title"), c.get("body")) for c in gold_cases()]
    articles += [(place, title, body) for _, place, title, body in dev_records()]
    start = time.perf_counter()
    for _ in range(SPEED_ROUNDS):
        for dateline, title, body in articles:
            locate(dateline, title, body)
    per_article = (time.perf_counter() - start) / (SPEED_ROUNDS * len(articles)) * 1000
    return {
        "articles": len(articles),
        "ms_per_article": round(per_article, 3),
        "import_ms": import_ms,
        "gazetteer_ms": base_ms,
        "districts_villages_ms": all_ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()
    gold, dev, foreign, fast = score_gold(), score_dev(), score_foreign(), speed()
    if args.json:
        figures = {"gold": gold, "dev": dev, "foreign": foreign, "speed": fast}
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    met = gold["precision"] >= TARGET_PRECISION and gold["recall"] >= TARGET_RECALL
    print(f"gold set ({GOLD.relative_to(REPO)}): {gold['cases']} cases, "
          f"{gold['with_regency']} with a regency")  # fmt: skip
    print(f"  regency precision {gold['precision']:.4f} (target >= {TARGET_PRECISION}), "
          f"recall {gold['recall']:.4f} (target >= {TARGET_RECALL}): {'met' if met else 'MISS'}")  # fmt: skip
    print(f"  province accuracy {gold['province_accuracy']:.4f}")
    print("  misses:" if gold["misses"] else "  misses: none")
    for miss in gold["misses"]:
        print(f"    {miss}")
    if not dev["rows"]:
        print("\n../shared/corpus absent: dev-set table skipped")
    else:
        print(f"\ndev sets (id-national, id-regional): {dev['articles']} gold dateline places, "
              f"{dev['with_regency']} name a regency; right: {dev['right']}/{dev['with_regency']}")  # fmt: skip
        print(f"with the dateline withheld (headline and body only): {dev['text_only_right']}/"
              f"{dev['with_regency']} get the dateline's regency")  # fmt: skip
        print("| article | dateline place | regency (hand) | dateline coded | story | text only |"
              " ok | note |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|")
        for article_id, place, want, got, story, text_only, ok, why in dev["rows"]:
            print(f"| {article_id} | {place} | {want or '-'} | {got or '-'} | {story or '-'} |"
                  f" {text_only or '-'} | {'yes' if ok else 'NO'} | {why} |")  # fmt: skip
    if foreign["pages"]:
        print(f"\nwcxb-articles ({foreign['pages']} pages, mostly English): "
              f"{len(foreign['coded'])} coded to an Indonesian region")  # fmt: skip
        for name, province, regency in foreign["coded"]:
            print(f"    {name}: {province} / {regency or '-'}")
    print(f"\nspeed: {fast['ms_per_article']:.3f} ms an article over {fast['articles']} articles "
          f"x {SPEED_ROUNDS} (target < {TARGET_MS}: "
          f"{'met' if fast['ms_per_article'] < TARGET_MS else 'MISS'})")  # fmt: skip
    print(f"gazetteer: import {fast['import_ms']} ms, provinces and regencies "
          f"{fast['gazetteer_ms']} ms, districts and villages {fast['districts_villages_ms']} ms "
          "(once per process, on first use)")  # fmt: skip


if __name__ == "__main__":
    main()
