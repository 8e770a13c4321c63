"""What a stored profile says, in words: `warta sites show` and the profile column of `warta stats`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from crawler.clean.profile import DatelineShape, PortalProfile

REASONS = {
    "learned": "learned",
    "layout-changed": "re-learned: the layout changed",
    "new-chrome": "re-learned: new chrome",
}
"""How `warta stats` and `warta sites show` name why a version was learned."""


def _shape(shape: DatelineShape, printed: str) -> str:
    text = f"PLACE{shape.before} {printed}" if shape.before is not None else printed
    text = f"{text} {shape.after}"
    return f"{text} PLACE {shape.place_after}" if shape.place_after is not None else text


def describe(row: Mapping[str, Any], *, current: bool = True) -> Iterator[str]:
    """Lines telling what a stored profile version is and what it removes (the first line alone
    for an older version: `current=False`)."""
    profile = PortalProfile.from_json(row.get("profile"))
    checked = row.get("checked") or 0
    yield (
        f"profile v{row['version']} ({REASONS.get(row['reason'], row['reason'])})"
        f" {row['learned_at']}, from {row['pages']} article pages"
        + (
            f"; {row.get('matched') or 0} of {checked} pages checked since matched"
            if checked
            else ""
        )
        + (
            ""
            if row.get("backfilled_at") or not current
            else "; not yet applied to stored articles"
        )
    )
    if not current:
        return
    if profile is None:
        yield "  (stored in an older format: it is learned again)"
        return
    if profile.is_empty():
        yield "  nothing repeats on its pages: cleaned by the shared grammar alone"
    if profile.container:
        yield f"  body container: {profile.container}"
    if profile.byline:
        yield f"  byline slot: {profile.byline}"
    for slot in profile.byline_skip:
        yield f"  byline slot naming other people (not read): {slot}"
    for stem, forms in profile.outlets.items():
        shapes = " ; ".join(_shape(s, forms[0]) for s in profile.datelines if s.outlet == stem)
        yield f"  dateline outlet {' / '.join(forms)}: {shapes}"
    for sample in profile.title_prefixes.values():
        yield f"  title prefix: {sample!r}"
    for sample in profile.title_suffixes.values():
        yield f"  title suffix: {sample!r}"
    for sample in profile.signoffs.values():
        yield f"  sign-off (kept as agency tag): {sample}"
    for sample in profile.chrome_names.values():
        yield f"  never an author: {sample}"
    for sample in profile.lines.values():
        yield f"  line: {sample}"


def status(versions: Sequence[Mapping[str, Any]]) -> str:
    """A portal's profile in a few words from its versions, oldest first (`v3, 20 pages, layout
    changed 2024-06-01`: the last layout change is named even when newer chrome came after)."""
    if not versions:
        return "none yet"
    latest = versions[-1]
    text = f"v{latest['version']}, {latest['pages']} pages"
    changed = [row for row in versions if row["reason"] == "layout-changed"]
    shown = changed[-1] if changed else latest
    if shown["reason"] != "learned":
        text += f", {REASONS.get(shown['reason'], shown['reason'])} {str(shown['learned_at'])[:10]}"
    return text
