"""House styles: a test portal's own invented chrome, random per seed and in no vocabulary of Warta's.

A house style is what one real portal adds to every story that no other portal prints: an outlet
name nobody has listed, a dateline shape with its own separators, a reporter-code sign-off, a title
affix, promotion lines, widget labels inside the content, a date header, a share button whose
label sits in a byline slot and a teaser naming the reporter of another story in a byline-classed
box. `house_style(seed)` draws one; `dress_in_house_style` puts a generated
article in it and moves its truth along. Only a profile learned from the portal's own pages can
remove all of it: `house_leaks` says what of it is left in an archived article.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import escape

from crawler.testportal.blocks import Raw
from crawler.testportal.model import Article, SiteInfo

SYLLABLES = (
    "ba", "bi", "da", "de", "ga", "gu", "ja", "jo", "ka", "ki", "la", "lu", "ma", "mo", "na",
    "ni", "pa", "pe", "ra", "ro", "sa", "se", "ta", "ti", "wa", "wi", "ran", "tam", "lin", "rok",
    "sen", "dum", "kar", "tol", "mer", "pan",
)  # fmt: skip
"""Syllables of the invented outlet names, widget labels and share labels."""
TLDS = ("com", "co", "id", "net", "co.id")
DATELINE_SEPARATORS = (" ~", " »", " ::", " //", " •", ".-", " |", ":", " —", " --", " >>", " +")
"""What follows an outlet or a place in a house dateline (some no parser has seen)."""
TITLE_PREFIX_SEPARATORS = (": ", " | ", " :: ", " » ", " ~ ")
TITLE_SUFFIX_SEPARATORS = (" « ", " | ", " :: ", " // ", " ~ ")
"""Between a house's title affix and the headline."""
SIGNOFF_SHAPES = ("({code}. {n}*)", "({code}/{n})", "[{code}-{n}]", "({code}{n})", "({code} {n})")
"""Reporter-code sign-offs: a house code and a number that changes per story (`(KS. 17*)`)."""
PROMO_OPENERS = ("Temani", "Sertai", "Lengkapi", "Awali", "Isi")
PROMO_OBJECTS = ("pagi Anda", "hari Anda", "waktu senggang", "perjalanan pulang", "akhir pekan")
PROMO_MIDDLES = ("dengan rangkuman", "bersama sajian", "lewat ulasan", "dengan catatan")
PROMO_TAILS = ("setiap hari", "tanpa terlewat", "dari pelosok daerah", "pilihan redaksi")
"""Pools of the invented promotion lines (`Temani pagi Anda dengan rangkuman X setiap hari`)."""
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip
ID_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
ID_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")  # fmt: skip

DATELINE_SHARE = 0.9  # the generator leaves one story in ten without a dateline, so does a house
SIGNOFF_SHARE = 0.85  # most stories carry the reporter's code; some are signed otherwise
PROMO_SHARE = 0.95  # the promotion line is appended to nearly every story
"""Shares of a house's stories that carry each piece (invented; chrome is on most pages)."""


@dataclass(frozen=True)
class HouseStyle:
    """One portal's invented chrome."""

    seed: int
    name: str
    """The site's name (`og:site_name`), two invented words."""
    outlet: str
    """The outlet as its datelines print it (a domain, capitals or the name)."""
    dateline: str
    """A dateline template with `{place}` and `{outlet}` (`{place}, {outlet}.- `)."""
    place_upper: bool
    signoff: str
    """A sign-off template with `{n}` (`(KS. {n}*)`)."""
    signoff_own_line: bool
    title_prefix: str | None
    title_suffix: str | None
    promos: tuple[str, ...]
    widgets: tuple[tuple[str, str], ...]
    """(css class, label) of widgets printed inside the content (an ad caption, one-letter share
    buttons)."""
    date_header: str | None
    """`en` or `id`: a date header line (`Friday, October 25, 2019 | Name`) above the story."""
    share_label: str
    """The label of a share button printed in a byline slot (not a person)."""
    byline_class: str
    teaser_class: str
    """Class of a box under the story that names another story's reporter (a different name on
    every page, in a class a byline reader takes for a byline)."""


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def house_style(seed: int, *, identity: int | None = None) -> HouseStyle:
    """The house style drawn from `seed`; `identity` (a seed) keeps another style's name and outlet
    (a redesign changes the chrome, not the portal)."""
    rng = random.Random(f"house:{seed}")
    who = random.Random(f"house:{identity if identity is not None else seed}")
    first, second = _word(who, 2), _word(who, who.choice((2, 3)))
    name = f"{first} {second}"
    domain = f"{first}{second.lower()}.{who.choice(TLDS)}"
    outlet = who.choice((domain, domain.upper(), name.upper(), name))
    sep1, sep2 = rng.sample(DATELINE_SEPARATORS, 2)
    dateline = rng.choice(
        (
            f"{{outlet}}{sep1} ",
            f"{{place}}, {{outlet}}{sep1} ",
            f"{{outlet}}, {{place}}{sep1} ",
            f"{{place}}{sep1} {{outlet}}{sep2} ",
            f"{{outlet}}{sep1} {{place}}{sep2} ",
        )
    )
    code = "".join(rng.choice("BDGHJKLMNPRSTW") for _ in range(rng.choice((2, 3))))
    signoff = rng.choice(SIGNOFF_SHAPES).replace("{code}", code)
    affix = rng.choice((name, outlet, domain))
    prefix_side = rng.random() < 0.5
    title_prefix = f"{affix}{rng.choice(TITLE_PREFIX_SEPARATORS)}" if prefix_side else None
    title_suffix = None if prefix_side else f"{rng.choice(TITLE_SUFFIX_SEPARATORS)}{affix}"
    promos = tuple(
        f"{rng.choice(PROMO_OPENERS)} {rng.choice(PROMO_OBJECTS)} {rng.choice(PROMO_MIDDLES)}"
        f" {name} {rng.choice(PROMO_TAILS)}"
        for _ in range(rng.choice((1, 2)))
    )
    letters = rng.sample("fptwlx", 3)
    widgets = tuple(
        [(f"{_word(rng, 2).lower()}-slot", _word(rng, 3))]
        + [(f"{_word(rng, 2).lower()}-btn", letter) for letter in letters[: rng.choice((0, 2, 3))]]
    )
    return HouseStyle(
        seed=seed,
        name=name,
        outlet=outlet,
        dateline=dateline,
        place_upper=rng.random() < 0.4,
        signoff=signoff,
        signoff_own_line=rng.random() < 0.3,
        title_prefix=title_prefix,
        title_suffix=title_suffix,
        promos=promos,
        widgets=widgets,
        date_header=rng.choice((None, "en", "id")),
        share_label=_word(rng, 3),
        byline_class=f"{_word(rng, 2).lower()}-author-share",
        teaser_class=f"{_word(rng, 2).lower()}-byline-next",
    )


def _date_header(style: HouseStyle, article: Article) -> str:
    day = article.published
    if style.date_header == "en":
        return (
            f"{EN_DAYS[day.weekday()]}, {EN_MONTHS[day.month - 1]} {day.day}, {day.year}"
            f" | {style.name}"
        )
    return (
        f"{ID_DAYS[day.weekday()]}, {day.day} {ID_MONTHS[day.month - 1]} {day.year} | {style.name}"
    )


def dress_in_house_style(article: Article, style: HouseStyle, rng: random.Random) -> Article:
    """A generated article printed in a house style, with its truth moved along (dateline, sign-off
    code as agency tag, the clean title)."""
    dress = article.dress
    place_truth = outlet_truth = None
    dateline = ""
    if article.dateline_place and rng.random() < DATELINE_SHARE:
        place = article.dateline_place.upper() if style.place_upper else article.dateline_place
        dateline = escape(style.dateline.format(place=place, outlet=style.outlet), quote=False)
        place_truth = article.dateline_place if "{place}" in style.dateline else None
        outlet_truth = style.outlet
    agency = article.agency_tag
    authors = article.authors
    signoff = dress.signoff
    after = list(dress.after)
    if rng.random() < SIGNOFF_SHARE:
        code = style.signoff.format(n=rng.randint(1, 40))
        agency = code.strip("()[]")
        named = bool(signoff) and article.agency_tag is None  # a reporter's name: it stays
        if style.signoff_own_line:
            signoff = signoff if named else ""
            after.insert(0, Raw("signoff", f"<p>{escape(code, quote=False)}</p>"))
        else:
            signoff = f"{signoff if named else ''} {escape(code, quote=False)}"
    above: list[Raw] = []
    if style.date_header:
        above.append(Raw("trailer", f"<p>{escape(_date_header(style, article), quote=False)}</p>"))
    above.append(
        Raw(
            "plugin",
            f'<div class="{style.byline_class}"><a href="#bagikan">'
            f"{escape(style.share_label, quote=False)}</a></div>",
        )
    )
    above.extend(dress.above)
    inserts = list(dress.inserts)
    taken = {index for index, _ in inserts}
    for css, label in style.widgets:
        free = [i for i in range(len(article.paragraphs) - 1) if i not in taken]
        if not free:
            break
        at = rng.choice(free)
        taken.add(at)
        inserts.append(
            (at, (Raw("ad", f'<div class="{css}"><p>{escape(label, quote=False)}</p></div>'),))
        )
    for promo in style.promos:
        if rng.random() < PROMO_SHARE:
            after.append(Raw("prompt", f"<p>{escape(promo, quote=False)}</p>"))
    teaser = random.Random(f"teaser:{style.seed}:{article.key}")  # other draws stay as they were
    other_reporter = f"{_word(teaser, 2)} {_word(teaser, 3)}"
    after.append(
        Raw(
            "plugin",
            f'<div class="{style.teaser_class}"><a href="#selanjutnya">'
            f"{escape(other_reporter, quote=False)}</a></div>",
        )
    )
    title = article.title
    if style.title_prefix:
        title = f"{style.title_prefix}{title}"
    if style.title_suffix:
        title = f"{title}{style.title_suffix}"
    return replace(
        article,
        title=title,
        clean_title=article.title,
        dress=replace(
            dress,
            dateline=dateline,
            dateline_own_line=False,
            above=tuple(above),
            inserts=tuple(sorted(inserts, key=lambda insert: insert[0])),
            signoff=signoff,
            after=tuple(after),
        ),
        authors=authors,
        dateline_place=place_truth,
        dateline_outlet=outlet_truth,
        agency_tag=agency,
    )


def house_chrome(style: HouseStyle) -> list[str]:
    """Whole paragraphs of the house's chrome, as printed (promotion lines, widget labels)."""
    return [*style.promos, *(label for _, label in style.widgets)]


def house_leaks(record: dict, truth: dict, styles: Sequence[HouseStyle]) -> list[str]:
    """What of a house's chrome an archived article still holds (`record`, archive field names),
    compared with its truth: a chrome paragraph, a date header, the dateline or sign-off left in
    the body, the title affix, the share label or another story's reporter among the authors."""
    found: list[str] = []
    paragraphs = [p.strip() for p in (record.get("body") or "").split("\n\n")]
    for style in styles:
        found += [f"line:{chrome}" for chrome in house_chrome(style) if chrome in paragraphs]
    if any(p.endswith(f"| {style.name}") for p in paragraphs for style in styles):
        found.append("date-header")
    truth_paragraphs = (truth.get("body") or "").split("\n\n")
    first, want = (paragraphs or [""])[0], truth_paragraphs[0]
    if want and first != want and first.endswith(want):
        found.append("dateline")
    if truth.get("agency_tag") and truth["agency_tag"] in (record.get("body") or ""):
        found.append("signoff")
    if (record.get("title") or "") != (truth.get("title") or ""):
        found.append("title-affix")
    if any(style.share_label in (record.get("authors") or []) for style in styles):
        found.append("share-label")
    truth_authors = {str(name).casefold() for name in truth.get("authors") or []}
    foreign = [a for a in record.get("authors") or [] if a.casefold() not in truth_authors]
    if set(foreign) - {style.share_label for style in styles}:
        found.append("teaser-author")
    return found


def house_site(site: SiteInfo, house: int) -> SiteInfo:
    """A portal's identity under a house style: the invented name and dateline outlet."""
    style = house_style(house)
    return replace(site, name=style.name, outlet=style.outlet)


def house_articles(
    articles: list[Article], *, house: int, redesign: int | None = None
) -> list[Article]:
    """Generated articles (newest first) printed in the house style; with `redesign`, the newer
    half in the redesigned style (same name and outlet, other chrome)."""
    old = house_style(house)
    new = house_style(redesign, identity=house) if redesign is not None else old
    dressed = []
    for index, article in enumerate(articles):
        style = new if index < len(articles) // 2 else old
        rng = random.Random(f"house:{style.seed}:{article.key}")
        dressed.append(dress_in_house_style(article, style, rng))
    return dressed


def house_styles(house: int, redesign: int | None = None) -> list[HouseStyle]:
    """The styles a portal's generated articles are printed in (the redesign's too)."""
    styles = [house_style(house)]
    if redesign is not None:
        styles.append(house_style(redesign, identity=house))
    return styles
