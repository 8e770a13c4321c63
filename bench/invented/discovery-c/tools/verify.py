#!/usr/bin/env python3
"""Self-check for discovery-c. Exits 1 on any problem.

1. every case has its file and every file a case; 60 cases, unique names
2. well_formed matches a strict parse (xml.etree on the bytes, json.loads on UTF-8 text for JSON bodies)
3. every expect_url occurs in the body, in document order (literal, entity-/JSON-decoded, CDATA-unwrapped,
   whitespace-stripped, or resolved from a relative reference against the case URL)
4. no duplicate expected URLs; expect_dates keys are expected URLs and values ISO 8601 with offset
5. a small reference reader (ElementTree / json, with light repairs for the broken bodies) extracts exactly
   expect_urls for every case
6. urls.json: 120 unique rows, valid labels, each with a why
"""
import datetime
import email.utils
import html
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
errors = []


def err(msg):
    errors.append(msg)


def decode(body):
    if body.startswith(b"\xff\xfe") or body.startswith(b"\xfe\xff"):
        return body.decode("utf-16")
    return body.decode("utf-8", errors="replace").lstrip("\ufeff")


def is_json_case(c):
    return c["file"].endswith(".json")


def strict_ok(c, body):
    if is_json_case(c):
        try:
            json.loads(body.decode("utf-8"))
            return True
        except Exception:
            return False
    try:
        ET.fromstring(body)
        return True
    except ET.ParseError:
        return False


def tokens(c, text):
    toks = []
    if is_json_case(c):
        try:
            obj = json.loads(text)
        except Exception:
            obj = None
        if obj is not None:
            def walk(o):
                if isinstance(o, dict):
                    for v in o.values():
                        yield from walk(v)
                elif isinstance(o, list):
                    for v in o:
                        yield from walk(v)
                elif isinstance(o, str):
                    yield o
            return [urljoin(c["url"], s.strip()) for s in walk(obj)]
    for m in re.finditer(r"<!\[CDATA\[(.*?)\]\]>", text, re.S):
        toks.append((m.start(), m.group(1)))
    for m in re.finditer(r">([^<]+)<", text):
        toks.append((m.start(), m.group(1)))
    for m in re.finditer(r"=\s*(\"[^\"]*\"|'[^']*')", text):
        toks.append((m.start(), m.group(1)[1:-1]))
    for m in re.finditer(r"^.*$", text, re.M):
        toks.append((m.start(), m.group(0)))
    toks.sort(key=lambda t: t[0])
    return [urljoin(c["url"], html.unescape(t).strip()) for _, t in toks]


def subsequence(needles, hay):
    it = iter(hay)
    return all(any(n == h for h in it) for n in needles)


# ------------------------------------------------------------------ reference reader
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"
ENT = {"nbsp": "&#160;", "raquo": "&#187;", "laquo": "&#171;", "ldquo": "&#8220;", "rdquo": "&#8221;",
       "ndash": "&#8211;", "mdash": "&#8212;", "hellip": "&#8230;"}


def local(tag):
    return tag.rsplit("}", 1)[-1]


def ref_read(c, body):
    if is_json_case(c):
        text = body.decode("utf-8").lstrip("\ufeff")
        obj = json.loads(text)
        if isinstance(obj, list):
            return [urljoin(c["url"], p["link"]) for p in obj], "feed"
        if "code" in obj and "message" in obj:
            return [], "none"
        if "items" in obj:
            return [i["url"] for i in obj["items"] if "url" in i], "feed"
        if "feed" in obj:
            out = []
            for e in obj["feed"].get("entry", []):
                for l in e["link"]:
                    if l["rel"] == "alternate":
                        out.append(l["href"])
            return out, "feed"
        return [], "none"
    text = decode(body)
    if c["file"].endswith(".txt"):
        return [l.strip() for l in text.splitlines() if l.strip().startswith("http")], "urlset"
    if "<?xml" in text:
        text = text[text.index("<?xml"):]
    text = text.strip()
    text = re.sub(r"&(%s);" % "|".join(ENT), lambda m: ENT[m.group(1)], text)
    text = re.sub(r'encoding="UTF-16"', 'encoding="UTF-8"', text)
    if re.match(r"\s*<!DOCTYPE html|\s*<html", text, re.I):
        return [], "none"
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError:
        # truncated: cut back to the last complete item
        cut = text.rfind("</item>")
        text = text[:cut + 7] + "</channel></rss>"
        root = ET.fromstring(text.encode("utf-8"))
    name = local(root.tag)
    base = c["url"]
    if name == "sitemapindex":
        return [urljoin(base, s.findtext(f"{SM}loc").strip()) for s in root.iter(f"{SM}sitemap")], "index"
    if name == "urlset":
        out = []
        for u in root.iter(f"{SM}url"):
            loc = (u.findtext(f"{SM}loc") or "").strip()
            if loc:
                out.append(urljoin(base, loc))
        return out, "urlset"
    if name == "feed":
        out = []
        for e in root.iter(f"{ATOM}entry"):
            for l in e.findall(f"{ATOM}link"):
                if l.get("rel", "alternate") == "alternate":
                    out.append(urljoin(base, l.get("href")))
                    break
        return out, "feed"
    if name == "rss":
        out = []
        for it in root.iter():
            if local(it.tag) != "item":
                continue
            link = guid = None
            perma = True
            for ch in it:
                if local(ch.tag) == "link" and ch.text and ch.text.strip():
                    link = ch.text.strip()
                if local(ch.tag) == "guid":
                    guid = (ch.text or "").strip()
                    perma = ch.get("isPermaLink", "true") == "true"
            if link:
                out.append(urljoin(base, link))
            elif guid and perma:
                out.append(urljoin(base, guid))
        return out, "feed"
    return [], "none"


ZONES = {"Z": "+00:00", "GMT": "+00:00", "UTC": "+00:00", "WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"}


def norm_date(raw, naive_utc=False):
    """Reference normaliser: ISO 8601 with offset at second precision, or None."""
    if raw is None:
        return None
    s = raw.strip()
    if not s:
        return None
    try:
        d = email.utils.parsedate_to_datetime(s)
        if d.tzinfo is not None and re.search(r"[+-]\d{4}$|GMT$", s):
            return d.isoformat()
    except Exception:
        pass
    m = re.match(r"^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}:\d{2}:\d{2}) (WIB|WITA|WIT)$", s)
    if m:
        mon = "JanFebMarAprMayJunJulAugSepOctNovDec".index(m.group(2)) // 3 + 1
        s = f"{m.group(3)}-{mon:02d}-{m.group(1)}T{m.group(4)}{ZONES[m.group(5)]}"
    m = re.match(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(\.\d+)?\s*(Z|GMT|UTC|WIB|WITA|WIT|[+-]\d{2}:?\d{2})?$", s)
    if not m:
        return None
    zone = m.group(5)
    if zone is None:
        if not naive_utc:
            return None
        zone = "+00:00"
    zone = ZONES.get(zone, zone)
    if re.match(r"^[+-]\d{4}$", zone):
        zone = zone[:3] + ":" + zone[3:]
    try:
        d = datetime.datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}{m.group(3) or ':00'}{zone}")
    except ValueError:
        return None
    return d.isoformat()


def ref_dates(c, body):
    """url -> raw date text, following the README rules."""
    out = {}
    if is_json_case(c):
        obj = json.loads(body.decode("utf-8"))
        if isinstance(obj, list):
            return {p["link"]: norm_date(p.get("date_gmt"), naive_utc=True) for p in obj}
        if "items" in obj:
            return {i["url"]: norm_date(i.get("date_published")) for i in obj["items"]}
        if "feed" in obj:
            for e in obj["feed"].get("entry", []):
                href = [l["href"] for l in e["link"] if l["rel"] == "alternate"][0]
                out[href] = norm_date(e["published"]["$t"])
        return out
    text = decode(body)
    if "<?xml" in text:
        text = text[text.index("<?xml"):]
    text = re.sub(r"&(%s);" % "|".join(ENT), lambda m: ENT[m.group(1)], text.strip())
    text = text.replace('encoding="UTF-16"', 'encoding="UTF-8"')
    if not text.startswith("<") or re.match(r"<!DOCTYPE html|<html", text, re.I):
        return out
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError:
        text = text[:text.rfind("</item>") + 7] + "</channel></rss>"
        root = ET.fromstring(text.encode("utf-8"))
    for el in root.iter():
        n = local(el.tag)
        if n in ("url", "sitemap") and el.tag.startswith(SM):
            loc = (el.findtext(f"{SM}loc") or "").strip()
            if not loc:
                continue
            deep = {local(k.tag): k for k in el.iter() if k is not el}
            raw = None
            if el.find(f"{SM}lastmod") is not None:
                raw = el.findtext(f"{SM}lastmod")
            elif "publication_date" in deep:
                raw = deep["publication_date"].text
            out[urljoin(c["url"], loc)] = norm_date(raw)
        elif n == "entry":
            for l in el.findall(f"{ATOM}link"):
                if l.get("rel", "alternate") == "alternate":
                    out[urljoin(c["url"], l.get("href"))] = norm_date(el.findtext(f"{ATOM}published"))
                    break
        elif n == "item":
            ch = {local(k.tag): k for k in el}
            link = (ch["link"].text or "").strip() if "link" in ch and ch["link"].text else None
            if not link and "guid" in ch and ch["guid"].get("isPermaLink", "true") == "true":
                link = ch["guid"].text.strip()
            if link:
                out[urljoin(c["url"], link)] = norm_date(ch["pubDate"].text if "pubDate" in ch else None)
    return out


def main():
    cases = json.load(open(os.path.join(ROOT, "cases.json"), encoding="utf-8"))
    names = [c["file"] for c in cases]
    if len(cases) != 60:
        err(f"expected 60 cases, got {len(cases)}")
    if len(set(names)) != len(names):
        err("duplicate case file names")
    on_disk = set(os.listdir(os.path.join(ROOT, "files")))
    for n in on_disk - set(names):
        err(f"file without case: {n}")
    for c in cases:
        p = os.path.join(ROOT, "files", c["file"])
        if not os.path.exists(p):
            err(f"missing file {c['file']}")
            continue
        body = open(p, "rb").read()
        if strict_ok(c, body) != c["well_formed"]:
            err(f"{c['file']}: well_formed says {c['well_formed']}")
        exp = c["expect_urls"]
        if len(set(exp)) != len(exp):
            err(f"{c['file']}: duplicate expect_urls")
        if not subsequence(exp, tokens(c, decode(body))):
            err(f"{c['file']}: expect_urls not found in order")
        for k, v in c["expect_dates"].items():
            if k not in exp:
                err(f"{c['file']}: date key not an expected url: {k}")
            try:
                d = datetime.datetime.fromisoformat(v)
                assert d.tzinfo is not None and d.microsecond == 0
            except Exception:
                err(f"{c['file']}: bad date {v}")
        try:
            got, kind = ref_read(c, body)
        except Exception as e:  # noqa: BLE001
            err(f"{c['file']}: reference reader raised {e!r}")
            continue
        if got != exp:
            err(f"{c['file']}: reference reader got {got} want {exp}")
        if kind != c["expect_kind"]:
            err(f"{c['file']}: reference kind {kind} want {c['expect_kind']}")
        want = {k: v for k, v in ref_dates(c, body).items() if v}
        got_d = {k: datetime.datetime.fromisoformat(v) for k, v in c["expect_dates"].items()}
        if {k: datetime.datetime.fromisoformat(v) for k, v in want.items()} != got_d:
            err(f"{c['file']}: reference dates {want} != expect_dates {c['expect_dates']}")
        if c["expect_kind"] == "none" and exp:
            err(f"{c['file']}: none with urls")
    rows = json.load(open(os.path.join(ROOT, "urls.json"), encoding="utf-8"))
    if len(rows) != 120 or len({r["url"] for r in rows}) != 120:
        err("urls.json must have 120 unique rows")
    for r in rows:
        if r["label"] not in ("article", "listing", "other", "ambiguous") or not r.get("why"):
            err(f"bad url row {r}")
    for e in errors:
        print("FAIL", e)
    print(f"{len(cases)} cases, {len(rows)} urls, {len(errors)} problems")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
