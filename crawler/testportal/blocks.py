"""The article body as a portal stores it ("the_content"): clean paragraphs dressed in boilerplate."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

LINK_PLACEHOLDER = re.compile(r"\{link:([A-Za-z0-9_-]+)\}")
"""`{link:KEY}` inside a raw block: an on-portal link to the article with that key."""


@dataclass(frozen=True)
class Raw:
    """One boilerplate block of the stored body: trusted HTML, `{link:KEY}` placeholders allowed.

    `kind` says what it is (`baca`, `byline`, `signoff`, `editor`, `caption`, `ad`, `prompt`,
    `plugin`, `syndication`, `trailer`); only `baca` blocks feed `related_links`.
    """

    kind: str
    html: str


@dataclass(frozen=True)
class Dress:
    """How the clean paragraphs of one article are dressed on the page, as trusted HTML pieces."""

    dateline: str = ""
    """HTML printed before the first paragraph's text (no separator added: spaces are part of it)."""
    dateline_own_line: bool = False
    """The dateline is a paragraph of its own instead of a prefix."""
    above: tuple[Raw, ...] = ()
    """Blocks before the story (bylines, captions)."""
    summary: bool = False
    """Repeat the first paragraph above the story, as some networks print a summary."""
    inserts: tuple[tuple[int, tuple[Raw, ...]], ...] = ()
    """Blocks inserted after story paragraph N (0-based)."""
    signoff: str = ""
    """HTML glued to the end of the last paragraph (leading space included when the site puts one)."""
    after: tuple[Raw, ...] = ()
    """Blocks after the story (sign-off lines, editor lines, prompts, plugins)."""
    inline_links: tuple[tuple[int, str, str], ...] = ()
    """(paragraph, anchor text, href path): wrap that text of that paragraph in a link."""


# ---- builders used by the showcase and the generator ---------------------------------------


def line(text: str, kind: str = "trailer") -> Raw:
    """A plain paragraph of boilerplate text."""
    return Raw(kind, f"<p>{escape(text, quote=False)}</p>")


def strong_line(text: str, kind: str = "trailer") -> Raw:
    """A boilerplate paragraph set in bold, as editors type labels."""
    return Raw(kind, f"<p><strong>{escape(text, quote=False)}</strong></p>")


def baca(marker: str, *keys: str, joiner: str = " dan ", bold: bool = True) -> Raw:
    """A "Baca juga" paragraph: the marker exactly as printed, then one or more linked titles."""
    links = joiner.join(f"{{link:{key}}}" for key in keys)
    label = (
        f"<strong>{escape(marker, quote=False)}</strong>" if bold else escape(marker, quote=False)
    )
    return Raw("baca", f"<p>{label}{links}</p>")


def baca_two_lines(marker: str, key: str) -> tuple[Raw, Raw]:
    """The marker on one paragraph and the linked title on the next."""
    return (
        Raw("baca", f"<p><strong>{escape(marker, quote=False)}</strong></p>"),
        Raw("baca", f"<p>{{link:{key}}}</p>"),
    )


def baca_box(heading: str, *keys: str) -> Raw:
    """A related-posts box a plugin inserts into the content: a heading and a list of links."""
    items = "".join(f"<li>{{link:{key}}}</li>" for key in keys)
    return Raw(
        "baca",
        f'<div class="baca-juga-box"><p class="baca-juga-title"><strong>'
        f"{escape(heading, quote=False)}</strong></p><ul>{items}</ul></div>",
    )


def caption(text: str, figure: bool = False) -> Raw:
    """A photo caption: inside a WordPress figure, or typed as an italic paragraph."""
    if figure:
        return Raw(
            "caption",
            '<figure class="wp-block-image size-large"><img decoding="async" width="780"'
            ' height="440" src="/wp-content/uploads/foto-berita.jpg" alt="">'
            f'<figcaption class="wp-element-caption">{escape(text, quote=False)}</figcaption>'
            "</figure>",
        )
    return Raw("caption", f"<p><em>{escape(text, quote=False)}</em></p>")


def ad_inserter(resume: bool = True) -> Raw:
    """An in-content advertisement slot as the Ad Inserter plugin prints it."""
    resume_html = '<p class="ad-resume">SCROLL TO RESUME CONTENT</p>' if resume else ""
    return Raw(
        "ad",
        '<div class="code-block code-block-3" style="margin: 8px auto; text-align: center;'
        ' display: block; clear: both;"><p class="ad-label">ADVERTISEMENT</p>'
        '<ins class="adsbygoogle" style="display:block" data-ad-format="fluid"'
        ' data-ad-slot="4471930"></ins>'
        f"{resume_html}</div>",
    )


def sharedaddy() -> Raw:
    """The Jetpack sharing block that prints "Share:" inside the content."""
    buttons = "".join(
        f'<li class="share-{net}"><a rel="nofollow noopener noreferrer" class="share-{net}'
        f' sd-button" href="?share={net}" target="_blank"><span>{label}</span></a></li>'
        for net, label in (("facebook", "Facebook"), ("x", "X"), ("jetpack-whatsapp", "WhatsApp"))
    )
    return Raw(
        "plugin",
        '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block'
        ' sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share:</h3>'
        f'<div class="sd-content"><ul>{buttons}</ul></div></div></div>',
    )


def reactions() -> Raw:
    """A reactions widget ("What's Your Reaction?") that a plugin appends to the content."""
    faces = "".join(
        f'<div class="wpra-reaction"><span class="wpra-count">0</span>'
        f'<span class="wpra-label">{label}</span></div>'
        for label in ("Suka", "Lucu", "Marah", "Sedih", "Wow")
    )
    return Raw(
        "plugin",
        '<div class="wpra-reactions-wrap"><p class="wpra-call-to-action">What&#039;s Your'
        f' Reaction?</p><div class="wpra-reactions">{faces}</div></div>',
    )


# ---- rendering ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkTarget:
    """Where a `{link:KEY}` points: the article's URL and its title in the current epoch."""

    url: str
    title: str


def _link_html(target: LinkTarget | None, key: str) -> str:
    if target is None:
        return escape(key.replace("-", " "), quote=False)
    return f'<a href="{escape(target.url)}">{escape(target.title, quote=False)}</a>'


def _resolve(raw: Raw, links: Mapping[str, LinkTarget], related: list[str]) -> str:
    def substitute(match: re.Match[str]) -> str:
        target = links.get(match.group(1))
        if raw.kind == "baca" and target is not None:
            related.append(target.title)
        return _link_html(target, match.group(1))

    return LINK_PLACEHOLDER.sub(substitute, raw.html)


def _paragraph_html(text: str, links_in_text: Sequence[tuple[str, str]]) -> str:
    html = escape(text, quote=False)
    for anchor, href in links_in_text:
        anchor_html = escape(anchor, quote=False)
        html = html.replace(anchor_html, f'<a href="{escape(href)}">{anchor_html}</a>', 1)
    return html


def render_content(
    paragraphs: Sequence[str],
    dress: Dress,
    links: Mapping[str, LinkTarget] | Callable[[str], LinkTarget | None],
) -> tuple[str, list[str]]:
    """The stored body HTML of an article and the titles of its "Baca juga" links, in order."""
    pages, related = render_pages(paragraphs, dress, links)
    return "\n".join(pages), related


def render_pages(
    paragraphs: Sequence[str],
    dress: Dress,
    links: Mapping[str, LinkTarget] | Callable[[str], LinkTarget | None],
    page_breaks: Sequence[int] = (),
) -> tuple[list[str], list[str]]:
    """The stored body HTML cut into pages before the paragraphs `page_breaks` names, and the titles
    of its "Baca juga" links (of every page), in order.

    Blocks above the story open page 1, an insert follows its paragraph onto that paragraph's page,
    the sign-off and the blocks after the story close the last page; joined by a newline the pages
    are the whole body exactly as `render_content` prints it.
    """
    if callable(links):
        lookup = links
        keys = {m.group(1) for raw in _all_raws(dress) for m in LINK_PLACEHOLDER.finditer(raw.html)}
        links = {key: target for key in keys if (target := lookup(key)) is not None}
    breaks = sorted(b for b in set(page_breaks) if 0 < b < len(paragraphs))
    pages: list[list[str]] = [[] for _ in range(len(breaks) + 1)]
    related: list[str] = []
    parts = pages[0]
    if dress.summary and paragraphs:
        parts.append(f"<p><em>{escape(paragraphs[0], quote=False)}</em></p>")
    parts.extend(_resolve(raw, links, related) for raw in dress.above)
    inserts = dict(dress.inserts)
    inline: dict[int, list[tuple[str, str]]] = {}
    for index, anchor, href in dress.inline_links:
        inline.setdefault(index, []).append((anchor, href))
    last = len(paragraphs) - 1
    for index, text in enumerate(paragraphs):
        parts = pages[sum(1 for b in breaks if b <= index)]
        html = _paragraph_html(text, inline.get(index, ()))
        if index == 0 and dress.dateline:
            if dress.dateline_own_line:
                parts.append(f"<p>{dress.dateline}</p>")
            else:
                html = dress.dateline + html
        if index == last:
            html += dress.signoff
        parts.append(f"<p>{html}</p>")
        parts.extend(_resolve(raw, links, related) for raw in inserts.get(index, ()))
    pages[-1].extend(_resolve(raw, links, related) for raw in dress.after)
    return ["\n".join(page) for page in pages], related


def _all_raws(dress: Dress) -> list[Raw]:
    raws = list(dress.above)
    for _, blocks in sorted(dress.inserts, key=lambda insert: insert[0]):
        raws.extend(blocks)
    return raws + list(dress.after)


def link_keys(dress: Dress) -> list[str]:
    """Keys of the articles a dress links to from its "Baca juga" blocks, in order."""
    return [
        m.group(1)
        for raw in _all_raws(dress)
        if raw.kind == "baca"
        for m in LINK_PLACEHOLDER.finditer(raw.html)
    ]
