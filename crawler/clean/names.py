"""Person names in bylines: academic and rank titles stripped, accounts told apart from people."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

from crawler.clean import vocabulary as v

_DEGREES = frozenset(t.replace(".", "") for t in v.ACADEMIC_TITLES)
_HONORIFICS = frozenset(t.replace(".", "") for t in v.HONORIFIC_PREFIXES)
_RANKS = frozenset(v.RANKS)
_ACCOUNTS = frozenset(v.ACCOUNT_NAMES)
_ACCOUNT_FIRST = frozenset(v.ACCOUNT_FIRST_WORDS)
_ACCOUNT_LAST = frozenset(v.ACCOUNT_LAST_WORDS)
_TEAM_WORDS = frozenset(v.TEAM_WORDS)
_NOT_PERSON = frozenset(v.NOT_PERSON_NAMES)
_ROLE_WORDS = frozenset(v.ROLE_WORDS)
_ROLE_HEADS = frozenset(v.ROLE_HEADS)
_LEGAL_FORMS = frozenset(v.LEGAL_FORMS)
_OUTLET_WORDS = frozenset(v.OUTLET_WORDS)
_INSTITUTIONS = frozenset(v.INSTITUTION_WORDS)
_LABEL_WORDS = frozenset(v.LABELS.author + v.LABELS.editor + v.LABELS.posted_by + v.LABELS.pictures)
_PARTICLES = frozenset(v.NAME_PARTICLES)
_VOWELS = frozenset("aeiouy")
_EDGE_PUNCTUATION = " \t\n,;:|-–—•·'\"“”‘’()[]{}*#/"

NAME_MAX_WORDS = 6  # `Desca Lidya Natalia`, `Ida Bagus Made Winarta`: six words is a phrase already
"""Words a single person's name may have."""


@lru_cache(maxsize=8192)  # paragraphs and names are compared again and again while cleaning
def fold_key(text: str | None) -> str:
    """Comparison key: NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text or "").split()).casefold()


def compact_key(text: str | None) -> str:
    """Comparison key without spaces or punctuation (`Kabar Rakyat` == `KABARRAKYAT`)."""
    return "".join(ch for ch in fold_key(text) if ch.isalnum())


def _bare(token: str) -> str:
    return token.strip(".,;:()").replace(".", "").casefold()


def is_degree(token: str) -> bool:
    """True for an academic degree token (`S.Th.I`, `SH`, `M.Si`, `MSi`)."""
    stripped = token.strip(",;()")
    if not stripped:
        return False
    if "." in stripped.rstrip("."):
        bare = _bare(stripped).replace(" ", "")  # `M. Kom` is M.Kom
        return bare in _DEGREES or bool(v.GENERIC_DEGREE.match(stripped))
    if _bare(stripped) not in _DEGREES:
        return False
    word = stripped.rstrip(".")
    # Undotted degrees are written in capitals (`SH`, `MSi`, `SIK`); `Ma` or `St` may be a name.
    return word.isupper() or any(c.isupper() for c in word[1:]) or len(word) >= 3


def _is_prefix_title(token: str) -> bool:
    bare = _bare(token)
    return bare in _HONORIFICS or bare in _RANKS or token.casefold() in _RANKS


def strip_titles(name: str) -> str:
    """A name without leading ranks and honorifics or trailing degrees (`Iptu X SH` -> `X`)."""
    text = " ".join((name or "").split()).strip(_EDGE_PUNCTUATION)
    if not text:
        return ""
    head, _, after_comma = text.partition(",")
    # `Nama, S.Th.I` / `Nama, S.H., M.H.`: everything after the first comma must be degrees.
    if after_comma and all(is_degree(t) for t in after_comma.replace(",", " ").split()):
        text = head
    tokens = text.split()
    while len(tokens) > 1 and _is_prefix_title(tokens[0]):
        tokens.pop(0)
    while len(tokens) > 1 and is_degree(tokens[-1]):
        tokens.pop()
    return " ".join(tokens).strip(_EDGE_PUNCTUATION)


def is_account(name: str | None, *, site_name: str | None = None) -> bool:
    """True when a byline name is a posting account (`admin`, `Tim Redaksi`, `adm01`, the site)."""
    return is_generic_account(name) or is_site_name(name, site_name)


def is_generic_account(name: str | None) -> bool:
    """True for an account name any portal may use (`admin`, `Tim Redaksi`, `adm01`)."""
    key = fold_key(name).strip(_EDGE_PUNCTUATION)
    if not key:
        return False
    words = key.split()
    if (
        key in _ACCOUNTS
        or words[0] in _ACCOUNT_FIRST
        or words[-1] in _ACCOUNT_LAST
        or _is_team(words)
    ):
        return True
    return len(words) == 1 and bool(v.ACCOUNT_CODE.match((name or "").strip()))


def _is_team(words: list[str]) -> bool:
    """`Tim Redaksi`, `Tim Liputan6`, `Tim Kabar Garut`: a team (vocabulary.TEAM_WORDS)."""
    if words[0] != "tim":
        return False
    rest = words[1:]
    return (
        not rest
        or rest[0] in _TEAM_WORDS
        or has_outlet_word(" ".join(rest))
        or not all(word.isalpha() for word in rest)  # `Tim detik.com`, `Tim Liputan6`
    )


def host_labels(site_name: str) -> list[str]:
    """The dot-separated labels of a site name, folded, without leading host prefixes
    (vocabulary.HOST_PREFIXES: `www.tvri.go.id` -> `tvri`, `go`, `id`; `amp.kabar.id` -> `kabar`,
    `id`; a name without dots is one label)."""
    labels = [label.strip() for label in site_name.casefold().split(".") if label.strip()]
    while len(labels) > 1 and labels[0] in v.HOST_PREFIXES:
        labels.pop(0)
    return labels


def outlet_stem(text: str | None) -> str:
    """An outlet's name without host prefixes, domain endings, case and punctuation
    (`KABARSATU.COM`, `Kabarsatu.com`, `www.kabarsatu.co.id`, `Kabar Satu` -> `kabarsatu`)."""
    labels = host_labels(text or "")
    while len(labels) > 1 and labels[-1] in v.OUTLET_TLDS:
        labels.pop()
    return compact_key("".join(labels))


def is_site_name(name: str | None, site_name: str | None) -> bool:
    """True when a byline name is the portal itself (`Warta Garut` on wartagarut.com)."""
    if site_name and name:
        site = compact_key(site_name)
        compact = compact_key(name)
        labels = host_labels(site_name)  # `tvri` in www.tvri.go.id, past its subdomain prefix
        stem = compact_key(labels[0]) if "." in site_name and labels else site
        if compact and (compact in (site, stem) or (len(compact) >= 6 and compact in site)):
            return True
    return False


def is_region(text: str) -> bool:
    """True when a name is an Indonesian province or regency as a whole (`Banyuasin`, `Kab.
    Garut`, `Sumsel`)."""
    from crawler.places.gazetteer import gazetteer  # the places package loads its data lazily

    return bool(text and gazetteer().find(text))


def is_indonesian_place(text: str) -> bool:
    """True when a name is an Indonesian province, regency or city, or a regency's seat or town
    (`Samarinda`, `Tahuna`, `WAISAI`): the gazetteer's names, not its villages."""
    from crawler.places.gazetteer import gazetteer, name_key

    return bool(text and (is_region(text) or gazetteer().names(name_key(text))))


def names_a_region(text: str) -> bool:
    """True when a word or two of a name are an Indonesian province or regency (`Sumsel Update`,
    `Pojok Banyuasin`, `Kota Bogor Hari Ini`): a regional outlet's name, no person's."""
    words = (text or "").split()
    return any(is_region(gram) for gram in words + [" ".join(pair) for pair in pairwise(words)])


def is_site_namesake(name: str | None) -> bool:
    """True when a site-named byline may be the person or company the site is named after (`Jon
    Norris` on Jon Norris Photography): two words or more shaped like a name, no outlet word, no
    region, no posting account (`Warta Garut`, `Sumsel Update`, `Tim Redaksi` stay the portal)."""
    text = (name or "").strip()
    return (
        len(clean_name(text).split()) >= 2
        and looks_like_name(text)
        and not is_organisation(text)
        and not is_generic_account(text)
        and not names_a_region(text)
    )


def has_outlet_word(text: str) -> bool:
    """True when a name holds a news-outlet word, alone or glued (`BALANGANEWS`, `Kabar Warga`),
    accents aside (`Prisma Média`)."""
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", text or "") if not unicodedata.combining(c)
    )
    for word in plain.casefold().replace(".", " ").split():
        if word in _OUTLET_WORDS:
            return True
        for outlet_word in _OUTLET_WORDS:
            extra = len(word) - len(outlet_word)
            if extra >= v.OUTLET_WORD_GLUE_MIN and (
                word.startswith(outlet_word) or word.endswith(outlet_word)
            ):
                return True
    return False


def is_organisation(name: str | None) -> bool:
    """True for a publisher or outlet named where a person is expected (`Kompas Cyber Media`)."""
    text = (name or "").strip()
    if not text:
        return False
    words = fold_key(text).replace(".", " ").replace(",", " ").split()
    return (
        bool(v.DOMAIN_ONLY_LINE.match(text))
        or has_outlet_word(text)
        or bool(words and (words[0] in _LEGAL_FORMS or words[-1] in _LEGAL_FORMS))
    )


def names_an_institution(name: str | None) -> bool:
    """True for a name that holds an institution's or an outlet's word as a whole word or is a
    domain (`Pusdalops BPBD SBB`, `Fox News`, `Cleveland.com`): a desk, not a person. Unlike
    `is_organisation` it finds no outlet word glued inside another (`Posselt`, `Campos`)."""
    text = (name or "").strip()
    words = fold_key(text).replace(",", " ").split()
    return bool(v.DOMAIN_ONLY_LINE.match(text)) or not (
        _INSTITUTIONS.isdisjoint(words) and _OUTLET_WORDS.isdisjoint(words)
    )


def is_role(text: str) -> bool:
    """True for what a byline says a person is (`Dosen FISIP Unsri`, `Contributor`, `Ketua PWI
    Banyuasin`, `Associate Editor`): its first word is a role word, or its last a role's head."""
    words = fold_key(text).split()
    return bool(words) and (words[0] in _ROLE_WORDS or words[-1] in _ROLE_HEADS)


def is_not_person(text: str) -> bool:
    """True for platform, agency and credit words sitting in a byline slot (`Facebook`, `Dok.X`)."""
    key = fold_key(text)
    first = key.replace(".", " ").split()[0] if key.strip(". ") else ""
    glued = _GLUED_FIRST_WORD.match((text or "").strip())  # `FacebookTwitterWhatsApp`
    return (
        key in _NOT_PERSON
        or first in _NOT_PERSON
        or (glued is not None and glued.group().casefold() in _NOT_PERSON)
    )


_GLUED_FIRST_WORD = re.compile(r"[A-Z][a-z]+(?=[A-Z])")
"""The first word of words run together (a share bar's `FacebookTwitterWhatsAppTelegram`)."""


def looks_like_name(text: str) -> bool:
    """True for 1-6 capitalised words, initials or titles and nothing else (`Joni Karbot, S.Th.I`)."""
    stripped = (text or "").strip()
    if not stripped or any(q in stripped for q in v.QUOTE_CHARS) or is_not_person(stripped):
        return False
    if fold_key(stripped).strip(_EDGE_PUNCTUATION) in _LABEL_WORDS:
        return False  # `Oleh`, `Penulis` printed apart from the name
    if v.AUTHOR_BOX_HEADING.match(stripped):
        return False  # `Tentang Penulis`, `About the Author`: an author box's heading
    tokens = stripped.replace(",", " ").split()
    if not 1 <= len(tokens) <= NAME_MAX_WORDS + 3:  # + up to three degrees
        return False
    core = strip_titles(stripped).split()
    if not 1 <= len(core) <= NAME_MAX_WORDS:
        return False
    return all(
        (t[0].isupper() or _caseless(t[0]) or (0 < index < len(core) - 1 and t in _PARTICLES))
        and any(c.isalpha() for c in t)
        for index, t in enumerate(core)
    )


def _caseless(letter: str) -> bool:
    """A letter of a spaced script without capitals (Thai, Hebrew, Arabic, Devanagari): its names
    are written as its other words are, so a name's shape cannot ask for a capital. Not Chinese,
    Japanese or Korean, whose words a byline box lists unspaced (`영화`, `责任编辑：X` on the dates
    set's pages): any of them would pass."""
    if not letter.isalpha() or letter.isupper() or letter.islower():
        return False
    return not unicodedata.name(letter, "").startswith(_CJK_NAMES)


_CJK_NAMES = ("CJK", "HANGUL", "HIRAGANA", "KATAKANA")
"""Unicode name prefixes of the letters of Chinese, Korean and Japanese."""


def capitalised(name: str) -> str:
    """A name typed all in lower case (`kirstin boatto` in a CMS profile) with each word's first
    letter raised, so the name-shape tests can read it; any other name unchanged."""
    words = name.split()
    if name != name.lower() or not all(word.replace("-", "").isalpha() for word in words):
        return name  # not all lower case, or not words (`cipha[at]cipha.net`, `a.b@c.studio`)
    return " ".join(word[:1].upper() + word[1:] for word in words)


def clean_name(text: str) -> str:
    """One name: whitespace folded, edge punctuation, titles and a job title run on after it
    (`Rachel Dunmore Staff Writer`, spans printed without a comma) removed."""
    return without_trailing_role(strip_titles(text))


def without_trailing_role(name: str) -> str:
    """A name without the job title printed straight after it: from a role word (`Staff`,
    `Senior`, `Kontributor`) to a role's head (`Writer`, `Reporter`) at the end, two name words
    kept at least. A title without a role word (`AP Auto Writer`, `Antrim Court Reporter`) is
    left whole, to be read as the role it is."""
    words = name.split()
    if len(words) < 3 or fold_key(words[-1]) not in _ROLE_HEADS:
        return name
    for cut in range(2, len(words) - 1):  # the title is two words at least: a role word, a head
        if fold_key(words[cut]) in _ROLE_WORDS:
            return " ".join(words[:cut])
    return name


def split_names(text: str) -> list[str]:
    """Several names in one byline (`A, B dan C`, `A/B`), each cleaned; empty pieces dropped."""
    names: list[str] = []
    for piece in v.NAME_SPLIT.split(text or ""):
        name = clean_name(piece)
        if name and not is_degree(name) and any(c.isalpha() for c in name):
            names.append(name)
    return names


def _word_case(word: str, *, first: bool) -> str:
    letters = [c for c in word if c.isalpha()]
    if len(letters) <= 1 or "." in word.rstrip("."):
        return word.upper()  # an initial (`A.`, `M.Z.`)
    lower = word.lower()
    if not first and lower in _PARTICLES:
        return lower
    if len(letters) <= 3 and not _VOWELS & set(lower):
        return word.upper()  # initials run together (`HM`, `MZ`)
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def canonical_case(name: str) -> str:
    """A person's name in one case however the page printed it: an all-capitals or all-lower
    name gets Indonesian name capitalisation (`WAHYU NUGROHO` -> `Wahyu Nugroho`, `MUHAMMAD
    BIN ALI` -> `Muhammad bin Ali`, `A. RAHMAN` -> `A. Rahman`, `MA'RUF` -> `Ma'ruf`); a name
    already in mixed case is kept as written (`dr.`, `McDonald` are the person's own spelling)."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not (all(c.isupper() for c in letters) or all(c.islower() for c in letters)):
        return name
    return " ".join(_word_case(w, first=i == 0) for i, w in enumerate(name.split()))
