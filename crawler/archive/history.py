"""An archived article's history: its earlier versions and a word-level diff between them."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from crawler.fingerprints import url_key as url_key_of

CONTEXT_WORDS = 8  # unchanged words shown on each side of a change: about half a terminal line
PARAGRAPH = "\n\n"
_TOKEN = re.compile(r"\n\s*\n\s*|\S+")  # words, and paragraph breaks as tokens of their own
MARKS = {"plain": ("[-", "-]", "{+", "+}"), "color": ("\x1b[31m", "\x1b[0m", "\x1b[32m", "\x1b[0m")}
"""How removed and added words are marked: wdiff's brackets, or red and green on a terminal."""


@dataclass
class Version:
    """One version of an article as the archive saw it."""

    title: str | None
    body: str
    fetched_at: str | None
    replaced_at: str | None = None
    """When a later crawl replaced it (None for the current version)."""


@dataclass
class History:
    """Every version of one article, oldest first, and whether the portal took it down."""

    url_key: str
    url: str
    versions: list[Version] = field(default_factory=list)
    taken_down_at: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The history as JSON-ready data: versions and, between each two, the word diff."""
        return {
            "url_key": self.url_key,
            "url": self.url,
            "taken_down_at": self.taken_down_at,
            "versions": [v.__dict__ for v in self.versions],
            "changes": [
                {
                    "from": i,
                    "to": i + 1,
                    "title": word_diff(old.title or "", new.title or ""),
                    "body": word_diff(old.body, new.body),
                }
                for i, (old, new) in enumerate(pairwise(self.versions), 1)
            ],
        }


def tokens(text: str | None) -> list[str]:
    """Words of a text, with each paragraph break kept as one `\\n\\n` token."""
    return [PARAGRAPH if t.isspace() else t for t in _TOKEN.findall(text or "")]


def word_diff(old: str | None, new: str | None) -> list[tuple[str, str]]:
    """Word-level diff as `(op, text)` runs: `=` unchanged, `-` removed, `+` added (a replaced run
    is a `-` followed by a `+`)."""
    a, b = tokens(old), tokens(new)
    ops: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("=", _join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            ops.append(("-", _join(a[i1:i2])))
        if tag in ("insert", "replace"):
            ops.append(("+", _join(b[j1:j2])))
    return ops


def _join(words: list[str]) -> str:
    out = ""
    for word in words:
        if word == PARAGRAPH:
            out = out.rstrip(" ") + PARAGRAPH
        else:
            out += word if not out or out.endswith(("\n", " ")) else " " + word
    return out


def render_diff(
    ops: list[tuple[str, str]], *, context: int = CONTEXT_WORDS, color: bool = False
) -> str:
    """A diff as text: changes marked, unchanged runs cut to `context` words around them."""
    del_open, del_close, add_open, add_close = MARKS["color" if color else "plain"]
    parts: list[str] = []
    for n, (op, text) in enumerate(ops):
        if op == "-":
            parts.append(f"{del_open}{text}{del_close}")
        elif op == "+":
            parts.append(f"{add_open}{text}{add_close}")
        else:
            parts.append(_trim(text, context, first=n == 0, last=n == len(ops) - 1))
    return " ".join(p for p in parts if p).replace(" \n", "\n").replace("\n ", "\n")


def _trim(text: str, context: int, *, first: bool, last: bool) -> str:
    words = text.split(" ")
    if len(words) <= (1 if first or last else 2) * context:
        return text
    if first:
        return "… " + " ".join(words[-context:])
    if last:
        return " ".join(words[:context]) + " …"
    return " ".join(words[:context]) + " … " + " ".join(words[-context:])


def article_history(archive, url: str) -> History | None:
    """An article's versions from the archive (by URL or URL key), or None when it is not there."""
    key = url_key_of(url) if "://" in url else url.strip()
    article = archive.get_article(key)
    if article is None:
        return None
    history = History(url_key=key, url=article["url"], taken_down_at=article.get("taken_down_at"))
    for rev in archive.article_revisions(key):
        history.versions.append(
            Version(rev["title"], rev["body"], rev["fetched_at"], rev["replaced_at"])
        )
    history.versions.append(Version(article["title"], article["body"], article["fetched_at"]))
    return history


def render_history(history: History, *, context: int = CONTEXT_WORDS, color: bool = False) -> str:
    """The history as the `warta history` command prints it."""
    count = len(history.versions)
    lines = [f"{history.url} ({count} version{'s' if count != 1 else ''})"]
    if count == 1:
        lines.append("no earlier version: the text has not changed since it was first archived")
    for i, (old, new) in enumerate(pairwise(history.versions), 1):
        lines.append("")
        lines.append(
            f"version {i} (fetched {old.fetched_at or 'unknown'}) -> version {i + 1}"
            f" (fetched {new.fetched_at or 'unknown'})"
        )
        if (old.title or "") != (new.title or ""):
            lines.append("title: " + render_diff(word_diff(old.title, new.title), color=color))
        if old.body != new.body:
            lines.append(render_diff(word_diff(old.body, new.body), context=context, color=color))
        elif (old.title or "") == (new.title or ""):
            lines.append("(same words; only spacing or the hash changed)")
    if history.taken_down_at and history.versions:
        last = history.versions[-1]
        lines += [
            "",
            f"taken down at {history.taken_down_at}; the last text archived"
            f" (fetched {last.fetched_at or 'unknown'}):",
            "",
            last.title or "(no title)",
            "",
            last.body,
        ]
    return "\n".join(lines)
