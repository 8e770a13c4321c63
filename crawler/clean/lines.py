"""One line's verdict in the cleaning grammar: a caption, a widget or prompt, a related link, a
credit, the site's own call, or story text."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from crawler.clean import byline, names
from crawler.clean import vocabulary as v
from crawler.clean.byline import is_date_line

CAPTION_MAX_WORDS = 60  # the longest captions with credits in the dev set are ~35 words
"""Words a paragraph ending in a photo credit may have to be read as a caption."""


LINE_VERDICT_CACHE = 4096  # the fixed point reads each paragraph twice; pages repeat widget lines
"""Paragraphs whose `word_count`, `is_caption` and `is_boilerplate_line` answers are remembered
(a few dozen pages' worth)."""


_CAPTION_WORDS = frozenset(v.CAPTION_WORDS)


@lru_cache(maxsize=LINE_VERDICT_CACHE)
def word_count(text: str) -> int:
    """Words (`\\w+` runs) in a text."""
    return len(v.WORD.findall(text or ""))


def fold_whitespace(text: str) -> str:
    """One paragraph with whitespace (including no-break and zero-width spaces) folded."""
    text = text or ""
    if not text.isascii():
        # str.replace, not str.translate: translate takes a per-character path on any non-ASCII
        # text (40 us against 0.3 us for a 580-character paragraph)
        for invisible in v.ZERO_WIDTH_CHARS:
            text = text.replace(invisible, "")
    # str.split() splits at every Unicode space (the no-break space too): 4x the speed of regex
    # substitutions
    return " ".join(text.split())


def _split_joined_titles(text: str) -> list[str]:
    """`A dan B` -> [A, B] at the first ` dan ` with a headline on each side (Blogger's `Baca:`)."""
    words = text.split(" ")
    for index, word in enumerate(words):
        if word != "dan":
            continue
        left, right = words[:index], words[index + 1 :]
        long_enough = min(len(left), len(right)) >= v.JOINED_TITLE_MIN_WORDS
        if long_enough and right[0][:1].isupper():
            return [" ".join(left), " ".join(right)]
    return [text]


def related_titles(paragraph: str) -> list[str] | None:
    """Titles of a "Baca juga" line ([] for a bare marker), or None when it is no such line."""
    match = v.RELATED_MARKER.match(paragraph)
    if not match or v.REPORTED_SPEECH.search(paragraph):
        return None  # `Baca juga buku panduannya, kata Budi.`: a source's words
    rest = match.group("title").strip()
    titles = [t.strip(" .:…-–—|[]()") for t in v.RELATED_MARKER_INSIDE.split(rest)]
    titles = [t for t in titles if t]
    if names.fold_key(match.group("marker")) == "baca" and len(titles) == 1:
        titles = _split_joined_titles(titles[0])
    if any(word_count(t) > v.RELATED_TITLE_MAX_WORDS for t in titles):
        return None
    return titles


@lru_cache(maxsize=LINE_VERDICT_CACHE)
def is_caption(paragraph: str) -> bool:
    """True for a photo caption: a lone `ilustrasi`, `Foto: ...`, or text ending in a photo credit."""
    key = names.fold_key(paragraph).strip(" .:-–—")
    if key in _CAPTION_WORDS:
        return True
    if v.CAPTION_START.match(paragraph):
        return True
    return word_count(paragraph) <= CAPTION_MAX_WORDS and bool(v.CAPTION_CREDIT.search(paragraph))


def _promotes_a_newsletter(text: str) -> bool:
    """A short line with two different newsletter words (vocabulary.NEWSLETTER_PROMO_WORDS)."""
    folded = text.casefold()
    if not any(word in folded for word in v.NEWSLETTER_PROMO_NEEDS):
        return False  # what the pattern needs, tested first: most lines hold none of it
    if len(text.split()) > v.NEWSLETTER_PROMO_MAX_WORDS:
        return False
    found = {m.lower().replace(" ", "").rstrip("s") for m in v.NEWSLETTER_PROMO_WORDS.findall(text)}
    found = {"subscribe" if word.endswith("langganan") else word for word in found}
    # the call (`Sign up`, a line opening with `Subscribe`), or where it lands (`your inbox`):
    # `the newsletters I subscribe to` is a sentence about them
    calls = bool(found & {"signup", "inbox"}) or bool(v.NEWSLETTER_CALL_START.match(text))
    return len(found) >= 2 and calls and not v.REPORTED_SPEECH.search(text)


HEADLINE_CAPITALISED_SHARE = 0.6  # Indonesian headlines capitalise every word but particles
"""Share of a line's words (of 3+ letters) that start with a capital for it to read as a headline:
`Pemkot Palu Gelar Pasar Murah di Lima Kecamatan` has 6 of 6, a story sentence 1 or 2."""


def is_headline_line(paragraph: str) -> bool:
    """A line in headline case and without a quote: a title in a list of links."""
    if any(q in paragraph for q in v.QUOTE_CHARS):
        return False
    words = [w for w in v.WORD.findall(paragraph) if len(w) >= 3 and w[0].isalpha()]
    if len(words) < 2:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= HEADLINE_CAPITALISED_SHARE * len(words)


def related_line(paragraph: str) -> list[str] | None:
    """The title of a related-link line in any language (`Read more: Title`, [] for a bare
    marker; vocabulary.RELATED_LINE_ANY_LANGUAGE), or None when the line is none."""
    match = v.RELATED_LINE_ANY_LANGUAGE.match(paragraph)
    if match is None:
        return None
    title = (match.group("title") or "").strip(" .…-–—|")
    if word_count(title) > v.RELATED_TITLE_MAX_WORDS:
        return None
    return [title] if title else []


def is_credited_caption(paragraph: str) -> bool:
    """A short line ending in a bracketed picture credit (vocabulary.IMAGE_CREDIT_END)."""
    closed = paragraph.rstrip(" .").endswith((")", "]"))  # what the pattern needs, tested first
    return (
        closed
        and word_count(paragraph) <= CAPTION_MAX_WORDS
        and bool(v.IMAGE_CREDIT_END.search(paragraph))
    )


_PAGE_FORM_NEEDS = v.PRESS_RELEASE_NEEDS + v.ERROR_REPORT_NEEDS + v.PAGE_NOTE_NEEDS
"""One of these is in every line `_page_form_line` takes: most lines need no more test."""


def _page_form_line(text: str, folded: str) -> bool:
    """A press release's furniture (v.PRESS_RELEASE_LINE), or a short line that calls to report an
    error or says something of the page (v.ERROR_REPORT_CALL, v.PAGE_NOTE_LINE), in any language."""
    if byline.holds_any(folded, v.PRESS_RELEASE_NEEDS) and v.PRESS_RELEASE_LINE.match(text):
        return True
    if len(text) > v.SHORT_NOTE_MAX_CHARS:
        return False
    return bool(
        (byline.holds_any(folded, v.ERROR_REPORT_NEEDS) and v.ERROR_REPORT_CALL.search(text))
        or (byline.holds_any(folded, v.PAGE_NOTE_NEEDS) and v.PAGE_NOTE_LINE.search(text))
    )


@lru_cache(maxsize=LINE_VERDICT_CACHE)
def is_boilerplate_line(paragraph: str, *, indonesian: bool = True) -> bool:
    """True for a whole-line prompt, ad, share / reaction / comment widget, copyright or nav line.

    With `indonesian=False` only language-neutral widget lines count (ads, share, comments).
    """
    text = paragraph.strip()
    if not text:
        return True
    if len(text) > v.WIDGET_LINE_MAX_CHARS:
        return False
    universal = (v.LINES.ads, v.LINES.share, v.LINES.comments, v.LINES.reaction, v.LINES.counters)
    if any(p.match(text) for p in universal) or _promotes_a_newsletter(text):
        return True
    folded = text.casefold()
    if (
        v.SUPPORT_CALL.match(text)
        or (
            byline.holds_any(folded, v.AFFILIATE_NEEDS)
            and (v.AFFILIATE_DISCLOSURE.match(text) or v.AFFILIATE_LINKS.match(text))
        )
        or (byline.holds_any(folded, v.COPYRIGHT_NEEDS) and v.COPYRIGHT_ANY_LANGUAGE.match(text))
        or v.EMBED_FALLBACK.match(text)
        or (byline.holds_any(folded, v.PAYWALL_NEEDS) and v.PAYWALL_LINE.match(text))
        or (byline.holds_any(folded, _PAGE_FORM_NEEDS) and _page_form_line(text, folded))
        or v.WIDGET_HEADING_ANY_LANGUAGE.match(text)
    ):
        return True
    if not indonesian:
        return False
    return bool(
        (v.LINES.channel_prompt.match(text) and not v.QUOTED_SPEECH.search(text))
        or v.LINES.copyright.match(text)
        or v.LINES.navigation.match(text)
        or v.LINES.tags.match(text)
        or v.LINES.donation.match(text)
        or v.UPDATE_NOTE.match(text)
        or v.LINES.empty_source.match(text)
        or v.DOMAIN_ONLY_LINE.match(text)
        or v.URL_ONLY_LINE.match(text)
        or v.LABELLED_LINK_LINE.match(text)
        or v.CONTACT_LINE.match(text)
        or byline.is_hashtag_line(text)
        or is_date_line(text)
    )


SITE_KEY_MIN_CHARS = 5
"""Shorter site names (`rri`, `tvri`) sit inside ordinary words once spaces are gone."""


def site_keys_of(site_name: str | None) -> tuple[str, ...]:
    """Spaceless keys of a site's name as a line may write it: `Kabar Contoh`, `kabarcontoh.com`
    and `www.kabarcontoh.co.id` all give `kabarcontoh`."""
    if not site_name:
        return ()
    keys = {names.compact_key(site_name)}
    labels = names.host_labels(site_name)
    if len(labels) > 1:
        keys.add(names.compact_key(labels[0]))
    return tuple(key for key in keys if len(key) >= SITE_KEY_MIN_CHARS)


def is_credit_line(paragraph: str) -> bool:
    """A byline line (`Reporter: X | Editor: Y`), which no widget's list takes with it."""
    return byline.parse_byline_line(paragraph) is not None


def in_data_record(paragraphs: Sequence[str], index: int) -> bool:
    """True when a line sits inside a run of `Label: value` lines that holds two or more fields
    of no credit, one of them after it (a book's `Judul:` / `Penulis:` / `Penerbit:` /
    `Tebal:`, a project board's `Sumber dana:`): the story's data, whose `Penulis:` names the
    book's writer, not the article's. A credit after the record's last field is the byline."""
    start = end = index
    while start > 0 and v.RECORD_FIELD_LINE.match(paragraphs[start - 1]):
        start -= 1
    while end + 1 < len(paragraphs) and v.RECORD_FIELD_LINE.match(paragraphs[end + 1]):
        end += 1
    fields = [i for i in range(start, end + 1) if i != index and _is_data_field(paragraphs[i])]
    return len(fields) >= v.DATA_RECORD_MIN_FIELDS and fields[-1] > index


def _is_data_field(line: str) -> bool:
    """A short `Label: value` line that is no credit, boilerplate, caption or sentence (an
    interview's `Tanya: ...?` turn is none)."""
    return (
        word_count(line) <= v.RECORD_FIELD_MAX_WORDS
        and not v.SENTENCE_END.search(line)
        and not is_credit_line(line)
        and not is_boilerplate_line(line)
        and not is_caption(line)
    )


def heads_a_tip_call(paragraph: str, following: str) -> bool:
    """A short question over a call to send the newsroom tips (`Punya info menarik di Bali
    Utara?` / `Kirim tulisan, foto, atau video ke WhatsApp redaksi 0812...`): the call's heading."""
    return (
        paragraph.rstrip().endswith("?")
        and word_count(paragraph) <= v.TIP_QUESTION_MAX_WORDS
        and bool(v.CONTACT_LINE.match(following.strip()))
    )


def site_credited_caption(paragraph: str, site_keys: Sequence[str]) -> bool:
    """A short unquoted line before the story's end closing with the site's own photo credit
    (`Kondisi abrasi di Pantai Panjang. (Outlet/Nama Fotografer)`); at the end the same credit
    is the reporter's sign-off."""
    credit = v.SLASH_CREDIT_END.search(paragraph)
    if credit is None or word_count(paragraph) > CAPTION_MAX_WORDS:
        return False
    if v.QUOTED_SPEECH.search(paragraph) or v.REPORTED_SPEECH.search(paragraph):
        return False
    outlet = names.compact_key(credit["outlet"])
    return any(outlet in site or site in outlet for site in site_keys)


def promotes_site(paragraph: str, site_keys: Sequence[str]) -> bool:
    """A call to the reader that names the outlet itself (`Jangan lewatkan berita lainnya,
    kunjungi kabarcontoh.com`, `Baca artikel Kabarcontoh lainnya di sini`): its own promotion.
    A source's attributed words stay."""
    if len(paragraph) > v.WIDGET_LINE_MAX_CHARS or not v.CALL_START.match(paragraph):
        return False
    if v.QUOTED_SPEECH.search(paragraph) or v.REPORTED_SPEECH.search(paragraph):
        return False
    return mentions_site(paragraph, site_keys)


def mentions_site(text: str, site_keys: Sequence[str]) -> bool:
    """True when the text names the site (one of `site_keys_of` in it, spaces aside)."""
    key = names.compact_key(text)
    return any(site in key for site in site_keys)
