"""Identity of URLs and texts: canonical URL key, portal key, exact content hash."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "ref",
        "ref_src",
        "amp",
        "share",
        "replytocom",
        "showcomment",  # Blogger's comment permalink: the post's page with the comment's anchor
    }
)
"""Query parameters that never change which article a URL names (`utm_*` is matched by prefix)."""

SESSION_PARAMS = frozenset({"phpsessid", "sid", "sessionid", "jsessionid", "session_id", "s_id"})
"""Session parameters: folded away so a session id never makes a URL new."""

DEFAULT_PORTS = {"http": 80, "https": 443}
_AMP_SUFFIX = re.compile(r"(?:/amp)+/?$", re.IGNORECASE)  # `/amp/amp/` too: idempotent
_SLASHES = re.compile(r"/{2,}")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def is_tracking_param(name: str) -> bool:
    """True for a query parameter that never changes which article a URL names (TRACKING_PARAMS,
    `utm_*`, SESSION_PARAMS)."""
    name = name.lower()
    return name.startswith("utm_") or name in TRACKING_PARAMS or name in SESSION_PARAMS


def portal_key(url: str) -> str:
    """Host of a URL, lower-cased, without `www.`, with the port when it is not the default."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except ValueError:
        return ""
    if host.startswith("www."):
        host = host[4:]
    if ":" in host:  # an IPv6 literal keeps its brackets, or the port would be ambiguous
        host = f"[{host}]"
    scheme = parts.scheme.lower() or "http"
    if port and port != DEFAULT_PORTS.get(scheme):
        return f"{host}:{port}"
    return host


def _encodable(url: str) -> str:
    """`url` with lone surrogates (a hostile JSON `\\ud800`) replaced, so quoting cannot raise."""
    return url.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def url_key(url: str) -> str:
    """Canonical key of an article URL: folds scheme, `www.`, default port, trailing slash, `/amp`,
    tracking and session parameters, parameter order, percent-encoding case and the fragment."""
    url = _encodable(url.strip())
    host = portal_key(url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    path = unquote(parts.path or "/")
    for _ in range(8):  # each fold can expose another (`/amp/index.html/`): repeat until stable
        before = path
        path = _AMP_SUFFIX.sub("/", _SLASHES.sub("/", path))
        if path.rstrip("/").endswith(("/index.html", "/index.php")):
            path = path.rstrip("/").rsplit("/", 1)[0] + "/"
        if path == before:
            break
    path = path.rstrip("/") or "/"
    path = quote(path, safe="/:@!$&'()*+,;=-._~")
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_param(k)
    )
    key = f"{host}{path}"
    if query:
        key += "?" + urlencode(query)
    return key


def normalise_text(text: str) -> str:
    """Unicode NFKC, whitespace folded to single spaces, case folded: the form hashes are taken of."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def content_hash(body: str) -> str:
    """SHA-256 hex of the normalised clean body (exact-duplicate identity)."""
    return hashlib.sha256(normalise_text(body).encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    """Words (`\\w+` runs) in a text."""
    return len(_WORD.findall(text))


def fetch_url(url: str) -> str:
    """The URL to request for a discovered link: fragment, tracking and session parameters and an
    `/amp` suffix removed (the same page, fetched once)."""
    url = _encodable(url)
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    path = _AMP_SUFFIX.sub("/", parts.path) if len(parts.path) > 5 else parts.path
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not is_tracking_param(k)
        ]
    )
    return parts._replace(path=path, query=query, fragment="").geturl()
