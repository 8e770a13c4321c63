"""Bylines: labelled lines (`Penulis:`, `Editor :`), sign-offs (`(Nama)`, `(fyk/ash)`), agency tags."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from crawler.clean import names
from crawler.clean import vocabulary as v

_AUTHOR_LABELS = frozenset(v.LABELS.author)
_EDITOR_LABELS = frozenset(v.LABELS.editor)
_POSTED_LABELS = frozenset(v.LABELS.posted_by)
_ALL_LABELS = {
    **{w: "author" for w in v.LABELS.author},
    **{w: "editor" for w in v.LABELS.editor},
    **{w: "posted_by" for w in v.LABELS.posted_by},
    **{w: "pictures" for w in v.LABELS.pictures},
}
_AGENCY_CODES = frozenset(v.AGENCY_CODES)
_NOT_SIGNOFF = frozenset(v.NOT_SIGNOFF_WORDS)
_END_MARKERS = frozenset(v.END_MARKERS)
_DAY_AND_MONTH = frozenset(v.DAY_NAMES + v.MONTH_NAMES)
_DATE_WORDS = frozenset(v.DATE_LINE_WORDS)
_DATE_EVIDENCE = frozenset(v.DATE_EVIDENCE_WORDS)
_SPEECH_VERBS = frozenset(v.SPEECH_VERBS)
_UNIT_WORDS = frozenset(v.UNIT_WORDS)
_NO_COLON_LABELS = frozenset(v.NO_COLON_LABELS)

BYLINE_MAX_WORDS = 40  # `Pewarta: A Editor: B COPYRIGHT © ANTARA 2016` is ~10; 40 leaves room
"""A labelled line longer than this is story text that happens to start with `Kata:`."""
NO_COLON_BYLINE_MAX_WORDS = 6  # `Penulis Joni Karbot`; a longer line is a sentence
"""Words of a byline written without a colon."""
SIGNOFF_NAME_MIN_LETTERS = 4  # `(Adb)`, `(ahs)`, `(why)` are initials; `(Joko)`, `(Ical LO)` names
"""Letters a one-word sign-off needs before it reads as a name rather than initials."""
CAPS_INITIALS_MAX = 4  # `(ANA)`, `(FHM)`, `(RMOL)` are codes; `(ERWAN)` is a name
"""Letters an all-caps one-word sign-off may have and still be initials."""


@dataclass
class BylineFields:
    """People named by byline lines."""

    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    posted_by: list[str] = field(default_factory=list)
    bare_authors: list[str] = field(default_factory=list)
    """Those of `authors` read from a text without a byline label (a name alone in a byline
    slot), which may be another story's or a commenter's: `cleaner._choose_people` weighs them."""
    photographers: list[str] = field(default_factory=list)
    """Those credited for the pictures (`Fotografer: X`): the authors of a photo story that
    credits no writer, else no one's."""

    def extend(self, other: BylineFields) -> None:
        """Add another line's fields after these."""
        self.authors.extend(other.authors)
        self.editors.extend(other.editors)
        self.posted_by.extend(other.posted_by)
        self.bare_authors.extend(other.bare_authors)
        self.photographers.extend(other.photographers)

    def __bool__(self) -> bool:
        return bool(self.authors or self.editors or self.posted_by or self.photographers)


@dataclass(frozen=True)
class Signoff:
    """What a closing sign-off names: a reporter (and, labelled, an editor), or initials / an
    agency code."""

    author: str | None = None
    tag: str | None = None
    editor: str | None = None


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        i = diffs[0]
        # one transposition of neighbours (`Ediotr`)
        return len(diffs) == 2 and diffs[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def label_kind(label: str) -> str | None:
    """`author`, `editor`, `posted_by` or `pictures` for a byline label, tolerating one typo
    (`Edtor`)."""
    key = " ".join(label.casefold().split())
    if key in _ALL_LABELS:
        return _ALL_LABELS[key]
    if len(key) < v.FUZZY_LABEL_MIN_LENGTH or " " in key:
        return None
    for word, kind in _ALL_LABELS.items():
        fuzzy_ok = len(word) >= v.FUZZY_LABEL_MIN_LENGTH and " " not in word and "/" not in word
        if fuzzy_ok and _edit_distance_at_most_one(key, word):
            return kind
    return None


def is_date_line(paragraph: str) -> bool:
    """True for a line holding only a date and time (`Selasa 06-08-2024,13:15 WIB`)."""
    if not v.DIGIT.search(paragraph):
        return False  # a date line has a number token, whatever else it holds
    tokens = v.DATE_LINE_TOKEN.findall(paragraph)
    if not tokens or len(tokens) > v.DATE_LINE_MAX_TOKENS:
        return False
    has_number = any(t.isdigit() for t in tokens)
    has_date_word = False
    for token in tokens:
        if token.isdigit():
            continue
        key = token.casefold()
        if key in _DAY_AND_MONTH or key in _DATE_EVIDENCE:
            has_date_word = True
        elif key not in _DATE_WORDS:
            return False
    # without a day, month or zone word, three numbers must include a year (`06-08-2024, 13:15`)
    has_year = any(len(t) == 4 and t.startswith(("19", "20")) for t in tokens)
    digits = sum(t.isdigit() for t in tokens)
    return has_number and (has_date_word or (digits >= 3 and has_year))


def strip_trailing_date(value: str) -> str:
    """`Joni Karbot - 21 Mei 2024 14:30 WIB` -> `Joni Karbot`: bylines often carry the date
    (Blogger's `Posted by Joni Karbot at 10:30 AM`, `Diposting oleh Joni Karbot di 10.30`)."""
    for separator in (" - ", " – ", " | ", ", ", " at ", " di ", " pada ", " on "):
        name, found, tail = value.rpartition(separator)
        if found and name.strip() and (is_date_line(tail) or v.TIME_ONLY.match(tail.strip())):
            return name
    return value


def _fields_from_value(kind: str, value: str, *, site_name: str | None) -> BylineFields | None:
    value = strip_trailing_date(value.strip(" \t|,;:-–—"))
    # `Joni Karbot (Kontributor Banyuasin)`, `Joni Karbot - Kabarcontoh.com`: the name alone
    value = strip_outlet_suffix(v.TRAILING_PARENTHESIS.sub("", value), site_name=site_name)
    fields = BylineFields()
    if not value:
        return fields
    if kind == "posted_by":
        if len(value.split()) > NO_COLON_BYLINE_MAX_WORDS:
            return None
        fields.posted_by.append(value)
        return fields
    if kind == "author":
        nested = _report_byline(value, site_name=site_name)  # `Penulis: Kontributor X, Nama`
        if nested is not None:
            return nested
    people = names.split_names(value)
    if len(people) > 1:  # `Laporan: Joni Karbot, Banyuasin`: where the reporter filed from;
        # `Joni Karbot, Dosen FISIP Unsri`: what the writer is
        people = people[:1] + [
            p for p in people[1:] if not names.is_region(p) and not names.is_role(p)
        ]
    if not people or not all(
        names.looks_like_name(p) or names.is_account(p, site_name=site_name) for p in people
    ):
        return None
    if kind == "editor":
        fields.editors.append(", ".join(people))
        return fields
    if kind == "pictures":  # `Fotografer: Nama`: the pictures' credit
        fields.photographers.extend(
            p for p in people if not names.is_account(p, site_name=site_name)
        )
        return fields
    for person in people:
        if names.is_account(person, site_name=site_name):
            fields.posted_by.append(person)
        else:
            fields.authors.append(person)
    return fields


def _report_byline(line: str, *, site_name: str | None) -> BylineFields | None:
    match = v.REPORT_BYLINE.match(line)
    if match:
        rest = match.group("rest").strip()
        if "," in rest:
            rest = rest.rsplit(",", 1)[1]
        else:
            words = rest.split()
            while words and (v.DOMAIN_ONLY_LINE.match(words[0]) or words[0].isupper()):
                words.pop(0)  # `Laporan wartawan Kompas.com Nama` / `... TRIBUN Nama`
            rest = " ".join(words)
        return _fields_from_value("author", rest, site_name=site_name)
    match = v.LABEL_PLACE_NAME.match(line)
    if match:
        return _fields_from_value("author", match.group("name"), site_name=site_name)
    return None


def dated_byline(line: str, *, site_name: str | None = None) -> BylineFields | None:
    """The people of a line that is a byline and its date: a name without a label, then the date
    (`Joni Karbot | Senin, 4 Maret 2024 | 10:00 WIB`), or the date, then a labelled byline
    (`Senin, 4 Maret 2024 10:00 WIB Oleh Joni Karbot`); else None. A bare name after the date is
    a site's header as often (`Jumat, 3 Mei 2024 | Kabar Satu`), and a region's name before it is
    a dateline's place."""
    if len(line) > v.WIDGET_LINE_MAX_CHARS or not v.DIGIT.search(line):
        return None
    pieces = [piece.strip() for piece in line.split("|") if piece.strip()]
    if len(pieces) > 1:
        undated = [piece for piece in pieces if not is_date_line(piece)]
        if len(undated) != 1:
            return None
        name = undated[0]
        labelled = parse_byline_line(name, site_name=site_name)
        if labelled is not None or name != pieces[0]:
            return labelled
    else:
        dated = v.DATE_THEN_BYLINE.match(line)
        if dated is None or not is_date_line(dated["date"]):
            return None
        return parse_byline_line(dated["byline"], site_name=site_name)
    if names.is_account(name, site_name=site_name):
        return BylineFields(posted_by=[name])
    if names.looks_like_name(name) and not names.names_a_region(name):
        return BylineFields(authors=[names.clean_name(name)])
    return None


def parse_byline_line(line: str, *, site_name: str | None = None) -> BylineFields | None:
    """Fields of one byline line (`Penulis: X | Editor: Y`), or None when it is not a byline."""
    text = _byline_text(line or "")
    if text is None:
        return None
    reported = _report_byline(text, site_name=site_name)
    if reported is not None:
        return reported
    result = BylineFields()
    found = False
    for part in _fields_of(text):
        if not part.strip():
            continue
        pieces = _labelled_pieces(part)
        if pieces is None:
            no_colon = _no_colon_byline(part, site_name=site_name)
            if no_colon is None and _is_credit_field(part):
                continue  # `Penulis: X | Sumber: Antara`, `Editor: Y | 21 Mei 2024`
            if no_colon is None:
                return None
            result.extend(no_colon)
            found = True
            continue
        for kind, value in pieces:
            fields = _fields_from_value(kind, value, site_name=site_name)
            if fields is None:
                return None
            result.extend(fields)
            found = True
    return result if found else None


BYLINE_TEXT_CACHE = 4096  # cleaning reads each paragraph twice (fixed point); pages repeat lines
"""Lines whose `_byline_text` is remembered (a few dozen pages' paragraphs)."""


@lru_cache(maxsize=BYLINE_TEXT_CACHE)
def _byline_text(line: str) -> str | None:
    """A line as `parse_byline_line` reads it (spaces folded, glued labels split, copyright and
    widget trailers cut), or None when no site name can make it a byline.

    The second half walks `parse_byline_line`'s field loop without the site: a field with no
    label, no colon-less label word, that is no source or date line, returns None there whatever
    the site; so does a line whose every field is skipped. Only the site-free verdict is cached:
    cleaning asks twice per paragraph, with the portal's name and without."""
    text = " ".join(line.split())
    if not text or len(text.split()) > BYLINE_MAX_WORDS:
        return None
    text = without_contacts(text)
    # each substitution runs only when the text holds what its pattern needs (most lines do not)
    if holds_any(text, v.GLUED_BYLINE_LABEL_NEEDS):
        text = v.GLUED_BYLINE_LABEL.sub(r" \g<label>: ", text).strip()
    if holds_any(text, v.GLUED_NO_COLON_LABEL_NEEDS):
        text = v.GLUED_NO_COLON_LABEL.sub(r"\g<label> ", text)
    if text[-1:].isalpha() and (box := v.AUTHOR_BOX_LINE.match(text)):
        text = f"Penulis: {box['name']}"
    folded = _case_folded(text)
    if holds_any(folded, v.COPYRIGHT_IN_LINE_NEEDS):
        text = v.COPYRIGHT_IN_LINE.sub("", text)
    if holds_any(folded, v.BYLINE_TRAILER_NEEDS):  # the text is a prefix of `folded`'s
        text = v.BYLINE_TRAILER.sub("", text)
    text = strip_trailing_date(text.strip())  # `Posted by X at 10:30 AM`
    if v.REPORT_BYLINE.match(text) or v.LABEL_PLACE_NAME.match(text):
        return text  # `_report_byline` reads it with the site
    fields = False
    for part in _fields_of(text):
        if not part.strip():
            continue
        if _labelled_pieces(part) is not None or _no_colon_label(part):
            fields = True  # the site decides
        elif not _is_credit_field(part):
            return None
    return text if fields else None


_CASE_TWINS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))
"""The non-ASCII letters a case-insensitive regex matches to an ASCII letter (İ ı ſ K)."""


def without_contacts(text: str) -> str:
    """A byline without the e-mail addresses and social handles printed beside its names."""
    if "@" not in text:
        return text
    return " ".join(v.CONTACT_IN_BYLINE.sub(" ", text).split()).strip(" |,;-–")


def _is_credit_field(part: str) -> bool:
    """A byline line's field that names no one's role: `Sumber: Antara`, `Foto: Dok. Humas`, a
    date, a view counter (`Dibaca: 1284 kali`) or the place the story was filed from (`Laporan:
    Nama | Pidie`)."""
    return (
        bool(v.SOURCE_LINE.match(part) or v.PHOTO_CREDIT_FIELD.match(part))
        or is_date_line(part)
        or bool(v.LINES.counters.match(part.strip()))
        or names.is_indonesian_place(part.strip())
    )


def _case_folded(text: str) -> str:
    """The text lower-cased so that an ASCII word a re.IGNORECASE pattern matches in it is in it."""
    if not text.isascii():  # str.replace: str.translate is per character on non-ASCII text
        for twin, letter in _CASE_TWINS:
            text = text.replace(twin, letter)
    return text.lower()


def holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """True when `text` holds one of `needles`: the cheap test before a costly pattern."""
    return any(needle in text for needle in needles)


def _fields_of(text: str) -> list[str]:
    """The fields of a byline line (`Penulis: X | Editor: Y`), as BYLINE_FIELD_SPLIT cuts them."""
    if holds_any(text, v.BYLINE_FIELD_SEPARATORS):
        return v.BYLINE_FIELD_SPLIT.split(text)
    return [text]


def _no_colon_label(part: str) -> bool:
    """True when `_no_colon_byline` reads the part further (a label, then a short name)."""
    return _no_colon_label_words(part.split()) > 0


def _no_colon_label_words(words: list[str]) -> int:
    """Words of the colon-less label (`By`, `Written by`) opening a byline of at most
    NO_COLON_BYLINE_MAX_WORDS words and a name; 0 when there is none."""
    if not 2 <= len(words) <= NO_COLON_BYLINE_MAX_WORDS:
        return 0
    if words[0].casefold() in _NO_COLON_LABELS:
        return 1
    two = " ".join(words[:2]).casefold()
    return 2 if len(words) >= 3 and two in _NO_COLON_LABELS else 0


def _labelled_pieces(part: str) -> list[tuple[str, str]] | None:
    """(kind, value) pairs of `Label: value Label: value`, or None unless a label opens the text."""
    if not holds_any(part, v.LABEL_SEPARATORS):
        return None  # no label without its separator
    starts: list[tuple[int, int, str]] = []
    for match in v.LABEL_INSIDE.finditer(part):
        label = match.group("label")
        kind = label_kind(label)
        start = match.start("label")
        if kind is None and "/" in label:  # `Rep: Nama/Ed: Nama` -> the label after the slash
            last = label.rsplit("/", 1)[-1]
            kind = label_kind(last)
            start = match.start("label") + label.rindex(last)
        if kind is None and " " in label:  # `Imansyah Editor:` -> the label is the last word
            last = label.split()[-1]
            kind = label_kind(last)
            start = match.start("label") + label.rindex(last)
            if kind is None:  # `Kontributor Banyuasin:` -> the first, with where it writes from
                kind, start = _qualified_label_kind(label), match.start("label")
        if kind is not None:
            starts.append((start, match.end(), kind))
    if not starts or part[: starts[0][0]].strip():
        return None
    pieces = []
    for i, (_, value_start, kind) in enumerate(starts):
        value_end = starts[i + 1][0] if i + 1 < len(starts) else len(part)
        pieces.append((kind, part[value_start:value_end]))
    return pieces


def _qualified_label_kind(label: str) -> str | None:
    """The kind of a label followed by where or for whom the person writes (`Kontributor
    Banyuasin`, `Reporter Kabarcontoh`: the first word is the label, the rest a region or an
    outlet), else None."""
    first, _, qualifier = label.partition(" ")
    kind = label_kind(first)
    if kind is not None and (
        names.is_region(qualifier) or names.is_organisation(qualifier) or qualifier.isupper()
    ):
        return kind
    return None


def _no_colon_byline(part: str, *, site_name: str | None) -> BylineFields | None:
    words = part.split()
    label_words = _no_colon_label_words(words)
    if not label_words:
        return None
    kind = _ALL_LABELS[" ".join(words[:label_words]).casefold()]
    rest = strip_outlet_suffix(" ".join(words[label_words:]), site_name=site_name)
    people = names.split_names(rest)  # `oleh Nama Satu dan Nama Dua`: each a name
    if not people or not all(
        names.looks_like_name(p) or names.is_account(p, site_name=site_name) for p in people
    ):
        return None
    return _fields_from_value(kind, rest, site_name=site_name)


def strip_outlet_suffix(text: str, *, site_name: str | None = None) -> str:
    """A byline name without a trailing outlet (`Joni Karbot - wartagarut` -> `Joni Karbot`)."""
    for separator in (" - ", " – ", " | ", " / "):
        name, found, outlet = text.rpartition(separator)
        if not found or not name.strip():
            continue
        outlet = outlet.strip()
        outlet_like = (
            names.is_organisation(outlet)
            or names.is_account(outlet, site_name=site_name)
            or (outlet.islower() and " " not in outlet)
        )
        if outlet_like:
            return name.strip()
    capitals = v.CAPITALS_THEN_OUTLET.match(text)  # `JOHN SMITH Associated Press`: the wire's form
    if capitals and names.is_organisation(capitals["outlet"]):
        return capitals["names"].strip()
    return text


def strip_trailing_byline(
    paragraph: str, *, site_name: str | None = None
) -> tuple[str, BylineFields | None]:
    """(paragraph without a byline run into its end, the byline's fields) (`... Editor: Nama`)."""
    has_separator = ":" in paragraph or ";" in paragraph  # TRAILING_LABEL needs a `:` or `;`
    match = v.TRAILING_LABEL.search(paragraph) if has_separator else None
    if not match or match.start("byline") == 0:
        return paragraph, None
    fields = parse_byline_line(match.group("byline"), site_name=site_name)
    if not fields:
        return paragraph, None
    return paragraph[: match.start("byline")].rstrip(), fields


def bare_label_kind(line: str) -> str | None:
    """The kind of a label standing alone with no value (`Penulis :`), else None."""
    match = v.LABEL_AT_START.match(line or "")
    if not match or match.group("value").strip():
        return None
    return label_kind(match.group("label"))


# ---------------------------------------------------------------------------------------------
# Sign-offs


def _site_initials_match(code: str, *hints: str | None) -> bool:
    """True when an all-caps code abbreviates the site or the dateline's outlet (`LO`, `WD`)."""
    if not code.isupper() or not 2 <= len(code) <= CAPS_INITIALS_MAX:
        return False
    letters = code.casefold()
    for hint in hints:
        if not hint:
            continue
        stem = names.compact_key(hint.split(".")[0] if "." in hint else hint)
        if not stem or stem[0] != letters[0]:
            continue
        position = 0
        for letter in letters[1:]:
            position = stem.find(letter, position + 1)
            if position < 0:
                break
        else:
            return True
    return False


def _is_initials_word(word: str) -> bool:
    if not v.INITIALS_TOKEN.match(word):
        return False
    letters = "".join(c for c in word if c.isalpha())
    if any(c.isdigit() for c in word) or word.islower():
        return True
    if word.isupper():
        return len(letters) <= CAPS_INITIALS_MAX
    return len(letters) < SIGNOFF_NAME_MIN_LETTERS


def _is_code_or_outlet(part: str, site_name: str | None, outlet: str | None) -> bool:
    """What may follow a name in a sign-off: initials, the outlet's code or name, a unit."""
    part = part.strip()
    return (
        _is_initials_word(part)
        or _site_initials_match(part, site_name, outlet)
        or part.casefold() in _UNIT_WORDS
        or names.is_organisation(part)
        or names.is_account(part, site_name=site_name)
    )


def _name_from_words(words: list[str], site_name: str | None, outlet: str | None) -> str | None:
    kept: list[str] = []
    for word in words:
        if word.casefold().strip(".,") in _UNIT_WORDS and kept:
            break
        kept.append(word)
    while len(kept) > 1 and _site_initials_match(kept[-1], site_name, outlet):
        kept.pop()  # `(Ical LO)`: LO = the outlet's code
    name = names.clean_name(" ".join(kept))
    if not name or not names.looks_like_name(name):
        return None
    return name


def classify_signoff(
    content: str, *, site_name: str | None = None, outlet: str | None = None
) -> Signoff | None:
    """Read a sign-off's inside: reporter name, initials / agency code, or None (not a sign-off).

    `site_name` and `outlet` (the dateline's) let `(Nama LO)` drop the outlet's own code.
    """
    text = " ".join((content or "").split()).strip()
    if not text:
        return None
    if set(text) == {"*"}:
        return Signoff(tag=text)
    key = text.casefold()
    if key.strip(".!") in _END_MARKERS:
        return Signoff()
    if key in _AGENCY_CODES:
        return Signoff(tag=text)
    if ":" in text and _labelled_pieces(text) is not None:  # `(Laporan: Joni Karbot)`
        labelled = parse_byline_line(text, site_name=site_name)
        if labelled is None or not (labelled.authors or labelled.editors):
            return None
        return Signoff(
            author=labelled.authors[0] if labelled.authors else None,
            editor=labelled.editors[0] if labelled.editors else None,
        )
    if key.strip(".") in _NOT_SIGNOFF or "," in text or not any(c.isalpha() for c in text):
        return None
    if text.split()[0].casefold() in _UNIT_WORDS:
        return Signoff(tag=text)  # `(Humas Polres Garut)`: the press office as source
    parts = [p for p in v.INITIALS_CHAIN_SPLIT.split(text) if p.strip()]
    if len(parts) > 1:
        if parts[0].strip().casefold() in _AGENCY_CODES:
            return Signoff(tag=text)  # `(ADV/Humas Pemkab)`: a code first names no reporter
        if all(_is_initials_word(p) for p in parts):
            return Signoff(tag=text)
        from_outlet = bool(v.DATELINE_DOMAIN.fullmatch(parts[0].strip()))
        if all(_is_code_or_outlet(p, site_name, outlet) for p in parts[1:]):
            if from_outlet:
                return Signoff(tag=text)  # `(Kompas.com/Antara)`: outlets, no reporter
            name = _name_from_words(parts[0].split(), site_name, outlet)
            return Signoff(author=name) if name else None
        if len(parts) == 2 and from_outlet:
            # `(Tribunnews.com/Rina Ayu)`: the outlet's domain, then its reporter
            name = _name_from_words(parts[1].split(), site_name, outlet)
            return Signoff(author=name) if name and names.looks_like_name(name) else None
        return None
    words = text.split()
    if len(words) > names.NAME_MAX_WORDS:
        return None
    if len(words) == 1:
        word = words[0]
        if _is_initials_word(word):
            return Signoff(tag=word)
        if word.islower() or not word[0].isupper():
            return None
    name = _name_from_words(words, site_name, outlet)
    return Signoff(author=name) if name else None


def _preceded_by_sentence_end(before: str) -> bool:
    stripped = before.rstrip()
    return not stripped or stripped[-1] in ".!?\"”’'…)]-–—"


def _previous_word(before: str) -> str:
    words = v.WORD.findall(before[-40:])
    return words[-1].casefold() if words else ""


def strip_trailing_signoff(
    paragraph: str, *, site_name: str | None = None, outlet: str | None = None
) -> tuple[str, Signoff | None, str | None]:
    """(paragraph without its closing sign-off, the sign-off, the hashtag/marker removed)."""
    text = paragraph.rstrip()
    closes_bracket = text.rstrip(" .,;")[-1:] in (")", "]")
    match = v.SIGNOFF_TRAILING.search(text) if closes_bracket else None
    if match:
        before = text[: match.start("open")]
        signoff = classify_signoff(match.group("content"), site_name=site_name, outlet=outlet)
        if signoff is not None and (
            _preceded_by_sentence_end(before)
            or _previous_word(before) in _SPEECH_VERBS
            or (signoff.tag and not signoff.tag.isalpha())
        ):
            return before.rstrip(), signoff, match.group(0)
    # Each pattern below is anchored at the end of the (right-stripped) text and needs its own
    # character there or in it: the test spares a regex search along every story paragraph.
    for pattern, last in ((v.SIGNOFF_SLASHED, "/"), (v.SIGNOFF_STARS, "*")):
        match = pattern.search(text) if text.endswith(last) else None
        if match:
            return text[: match.start("content")].rstrip(" /"), Signoff(tag=match["content"]), None
    match = v.SIGNOFF_HASHTAGS.search(text) if "#" in text else None
    if match and match.start("content") > 0:
        return text[: match.start("content")].rstrip(), None, match.group("content")
    return paragraph, None, None


def own_line_signoff(
    paragraph: str, *, site_name: str | None = None, outlet: str | None = None
) -> Signoff | None:
    """The sign-off when a whole paragraph is one (`(Khairul)`, `-Nama-`, `/red/`, `**`)."""
    text = paragraph.strip()
    if not text:
        return None
    match = v.SIGNOFF_DASHED_NAME.match(text)
    if match:
        return classify_signoff(match.group("content"), site_name=site_name, outlet=outlet)
    rest, signoff, _ = strip_trailing_signoff(text, site_name=site_name, outlet=outlet)
    if signoff is not None and not rest.strip(" .,-–—"):
        return signoff
    if "/" in text and len(text.split()) <= names.NAME_MAX_WORDS:
        # `Asep Saepudin/GE` unbracketed on the last line: a name and the outlet's code
        signoff = classify_signoff(text, site_name=site_name, outlet=outlet)
        if signoff is not None and (signoff.author or signoff.tag):
            return signoff
    return None


def is_hashtag_line(paragraph: str) -> bool:
    """True for a paragraph of hashtags only (`#jojo #pilkada`)."""
    return bool(v.HASHTAG_LINE.fullmatch(paragraph or ""))
