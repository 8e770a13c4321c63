"""Deterministic generator of any number of extra articles, each with its boilerplate and its truth."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from crawler.testportal.blocks import Dress, Raw, ad_inserter, baca, caption, line, strong_line
from crawler.testportal.model import Article, Comment, Person, SiteInfo
from crawler.testportal.people import ACCOUNTS, COMMENT_TEXTS, COMMENTERS, EDITORS, REPORTERS
from crawler.testportal.phrasebook import (
    ACADEMIC,
    ATTRIBUTIONS,
    COMMODITIES,
    DISTRICT_HEADS,
    DISTRICT_TAILS,
    FIRST_NAMES,
    GENERIC_FACTS,
    LAST_NAMES,
    OPENERS,
    POLICE_RANKS,
    REGIONS,
    TOPICS,
    VILLAGE_HEADS,
    VILLAGE_TAILS,
)

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
TOPIC_NAMES = tuple(TOPICS)
GOOGLE_NEWS = "Cek Berita dan Artikel yang lain di Google News"
INITIALS = ("abc", "rhd", "ags", "mf", "yp", "sr", "dk", "hs", "ar", "nov", "fr", "wn")
AGENCY_CODES = ("rls", "ant", "*", "adv")


def _person_name(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    return f"{first} {last}", last


def _number_slots(rng: random.Random) -> dict[str, str]:
    n4 = rng.randint(1_000, 19_999)
    rp_value = rng.randint(12, 980) / 10  # 1.2 to 98 (hundreds of millions or billions)
    rp = f"Rp {rp_value:.1f}".replace(".", ",") + rng.choice((" miliar", " juta"))
    if rp.endswith(" juta"):
        rp = f"Rp {rng.randint(15, 950)} juta"
    return {
        "n1": str(rng.randint(2, 9)),
        "n1b": str(rng.randint(0, 4)),
        "n2": str(rng.randint(10, 99)),
        "n3": str(rng.randint(100, 999)),
        "n4": f"{n4 // 1000}.{n4 % 1000:03d}",
        "rp": rp,
        "pct": f"{rng.randint(11, 89)},{rng.randint(1, 9)}",
        "jam": f"{rng.randint(1, 23):02d}",
        "umur": str(rng.randint(19, 74)),
    }


def _slots(rng: random.Random, site: SiteInfo, topic: str, event_day: datetime) -> dict[str, str]:
    regencies, rivers = REGIONS.get(site.region, REGIONS["Sumatera Selatan"])
    kab = rng.choice(regencies)
    kec = f"{rng.choice(DISTRICT_HEADS)} {rng.choice(DISTRICT_TAILS)}"
    desa = f"{rng.choice(VILLAGE_HEADS)} {rng.choice(VILLAGE_TAILS)}"
    desa2 = f"{rng.choice(VILLAGE_HEADS)} {rng.choice(VILLAGE_TAILS)}"
    while desa2 == desa:
        desa2 = f"{rng.choice(VILLAGE_HEADS)} {rng.choice(VILLAGE_TAILS)}"
    slots = {
        "kab": kab,
        "kec": kec,
        "desa": desa,
        "desa2": desa2,
        "sungai": rng.choice(rivers),
        "hari": DAY_NAMES[event_day.weekday()],
        "tgl": f"{event_day.day}/{event_day.month}/{event_day.year}",
        "komoditas": rng.choice(COMMODITIES),
        "pangkat": rng.choice(POLICE_RANKS),
        **_number_slots(rng),
    }
    official, short = _person_name(rng)
    role = rng.choice(TOPICS[topic]["role"]).format(**slots)
    if role.split()[-1] in POLICE_RANKS:
        slots["pejabat"] = f"{role} {official}"
    else:
        slots["pejabat"] = f"{role}, {official}, {rng.choice(ACADEMIC)}"
    slots["pendek"] = short
    slots["warga"], _ = _person_name(rng)
    slots["tokoh"], _ = _person_name(rng)
    slots["inisial"] = "".join(rng.choice("ABDFHJKMNRSTWY") for _ in range(2))
    return slots


def _sentences(rng: random.Random, topic: str, slots: dict[str, str]) -> list[str]:
    pools = TOPICS[topic]
    facts = list(pools["facts"])
    rng.shuffle(facts)
    generic = list(GENERIC_FACTS)
    rng.shuffle(generic)
    quotes = list(pools["quotes"])
    rng.shuffle(quotes)
    # 3 to 6 topic facts, 0 to 2 generic facts and 1 to 3 quotes make 4 to 11 sentences
    chosen = facts[: rng.randint(3, 6)] + generic[: rng.randint(0, 2)]
    rng.shuffle(chosen)
    for quote in quotes[: rng.randint(1, 3)]:
        chosen.insert(rng.randint(1, len(chosen)), quote)
    attribution = rng.choice(ATTRIBUTIONS)
    out = []
    for template in chosen:
        att = attribution.format(**slots)
        out.append(template.format(att=att, **slots))
    return out


def _paragraphs(
    rng: random.Random, topic: str, slots: dict[str, str], story: int
) -> tuple[str, ...]:
    pools = TOPICS[topic]
    lead = pools["leads"][story].format(**slots)
    second = rng.choice(OPENERS).format(**slots)
    body = _sentences(rng, topic, slots)
    paragraphs = [lead, second]
    while body:
        # quotes stand alone; facts pair up, as regional reporters write short paragraphs
        take = 1 if body[0].startswith("“") or rng.random() < 0.4 else 2  # 40 %: one-sentence
        paragraphs.append(" ".join(body[:take]))
        body = body[take:]
    paragraphs.append(rng.choice(pools["closes"]).format(**slots))
    return tuple(paragraphs)


def _dateline(rng: random.Random, site: SiteInfo, place: str) -> tuple[str, str | None, str | None]:
    """(printed dateline, truth place, truth outlet); an empty dateline for one article in ten."""
    outlet = site.outlet
    shapes = (
        (f"{place}, {outlet} – ", place, outlet),
        (f"{place.upper()}, {outlet.upper()} – ", place, outlet.upper()),
        (f"{place}, {outlet} - ", place, outlet),
        (f"{place.upper()} – ", place, None),
        (f"{outlet} | {place} – ", place, outlet),
        (f"{outlet.upper()}, {place.upper()} – ", place, outlet.upper()),
        (f"{place} ({site.name}) – ", place, site.name),
        (f"{place} | ", place, None),
        (f"{place}, {outlet} — ", place, outlet),
    )
    if rng.random() < 0.1:  # one generated article in ten has no dateline
        return "", None, None
    return rng.choice(shapes)


def generate_articles(
    count: int,
    *,
    seed: int,
    site: SiteInfo,
    newest: datetime,
    oldest: datetime,
    key_prefix: str = "g",
    older_keys: Sequence[str] = (),
) -> list[Article]:
    """`count` articles, newest first, spread between `newest` and `oldest`, deterministic in `seed`.

    "Baca juga" links point only at older generated articles or at `older_keys`.
    """
    if count <= 0:
        return []
    span = (newest - oldest).total_seconds()
    step = span / count
    articles = []
    for index in range(count):
        rng = random.Random(f"{seed}:{key_prefix}:{index}")
        published = newest - timedelta(seconds=step * index + rng.uniform(0, step * 0.8))
        published = published.replace(second=0, microsecond=0)
        older = [f"{key_prefix}{j}" for j in range(index + 1, min(count, index + 40))]
        articles.append(
            generate_article(
                rng, site, f"{key_prefix}{index}", published, older or list(older_keys)
            )
        )
    return articles


def generate_article(
    rng: random.Random, site: SiteInfo, key: str, published: datetime, link_pool: list[str]
) -> Article:
    """One generated article drawn from `rng`: topic, text, boilerplate and the matching truth."""
    topic = rng.choice(TOPIC_NAMES)
    event_day = published if published.hour >= 10 else published - timedelta(days=1)
    slots = _slots(rng, site, topic, event_day)
    # titles and leads are written in pairs: the same index tells the same story
    story = rng.randrange(min(len(TOPICS[topic]["titles"]), len(TOPICS[topic]["leads"])))
    paragraphs = _paragraphs(rng, topic, slots, story)
    title = TOPICS[topic]["titles"][story].format(**slots)
    dateline, place, outlet = _dateline(rng, site, slots["kab"])
    reporter = rng.choice(list(REPORTERS.values()))
    editor = rng.choice(EDITORS)

    above: list[Raw] = []
    after: list[Raw] = []
    signoff = ""
    authors: tuple[str, ...] = ()
    truth_editor: str | None = None
    agency: str | None = None
    account: Person = rng.choice((ACCOUNTS["admin"], ACCOUNTS["redaksi"], ACCOUNTS["admin"]))
    box: Person | None = None
    # The shares below are invented, chosen so that every byline style, label and insert shows up
    # within any few dozen generated articles (the showcase covers the rare shapes one by one):
    # 35 % sign-off name, 15 % "Penulis: X | Editor: Y", 15 % the reporter's own account,
    # 5 % "Laporan Wartawan", 18 % initials, 12 % an agency code.
    mode = rng.random()
    if mode < 0.35:
        signoff, authors = f" ({reporter.name})", (reporter.name,)
        if rng.random() < 0.4:  # two in five of them also show the reporter's author box
            box = reporter
    elif mode < 0.50:
        above.append(line(f"Penulis: {reporter.name} | Editor: {editor}", "byline"))
        authors, truth_editor = (reporter.name,), editor
    elif mode < 0.65:
        account, box, authors = reporter, reporter, (reporter.name,)
    elif mode < 0.70:
        above.append(line(f"Laporan Wartawan {site.outlet}, {reporter.name}", "byline"))
        authors = (reporter.name,)
    elif mode < 0.88:
        code = f"{rng.choice(INITIALS)}/{rng.choice(INITIALS)}"
        signoff, agency = f" ({code})", code
    else:
        code = rng.choice(AGENCY_CODES)
        signoff, agency = f" ({code})", code
    if truth_editor is None and rng.random() < 0.4:  # an editor line under two stories in five
        label = rng.choice(("Editor: ", "Editor : ", "Penyunting: "))
        after.append(line(f"{label}{editor}", "editor"))
        truth_editor = editor

    inserts: list[tuple[int, tuple[Raw, ...]]] = []
    if link_pool and len(paragraphs) > 3 and rng.random() < 0.5:  # "Baca juga" in half
        marker = rng.choice(("Baca juga: ", "BACA JUGA: ", "Baca Juga: "))
        at = rng.randint(1, len(paragraphs) - 3)
        inserts.append((at, (baca(marker, rng.choice(link_pool)),)))
    if len(paragraphs) > 4 and rng.random() < 0.15:  # an ad slot in about one in seven
        at = rng.randint(2, len(paragraphs) - 2)
        if all(at != i for i, _ in inserts):
            inserts.append((at, (ad_inserter(resume=rng.random() < 0.5),)))
    if rng.random() < 0.1:
        inserts.append(
            (0, (caption(f"Suasana di Desa {slots['desa']}. (Foto: Dok. {site.outlet})"),))
        )
    if rng.random() < 0.1:  # the Google News prompt in one in ten
        after.extend((strong_line(GOOGLE_NEWS, "prompt"), line("Sumber:", "prompt")))

    jsonld_author = rng.choice(("account", "account", "account", "site"))
    if authors and rng.random() < 0.2:  # JSON-LD names the reporter in one in five
        jsonld_author = "reporter"
    comments = tuple(
        Comment(
            rng.choice(COMMENTERS),
            rng.choice(COMMENT_TEXTS),
            minutes_after=rng.randint(20, 600),  # replies arrive within ten hours
        )
        for _ in range(rng.choice((0, 0, 0, 1, 2)))
    )
    categories = (site.region_category, *TOPICS[topic]["category"])
    tags = (slots["kab"], *rng.sample(TOPICS[topic]["tags"], 2))
    modified = published
    if rng.random() < 0.2:  # one story in five is updated within four hours
        modified = published + timedelta(minutes=rng.randint(15, 240))
    return Article(
        key=key,
        title=title,
        published=published,
        modified=modified,
        categories=categories,
        tags=tags,
        paragraphs=paragraphs,
        dress=Dress(
            dateline=dateline,
            above=tuple(above),
            inserts=tuple(sorted(inserts, key=lambda insert: insert[0])),
            signoff=signoff,
            after=tuple(after),
        ),
        account=account,
        box=box,
        authors=authors,
        editor=truth_editor,
        dateline_place=place,
        dateline_outlet=outlet,
        agency_tag=agency,
        jsonld=rng.choice(("yoast", "yoast", "plain", "both")),
        jsonld_author=jsonld_author,
        comments=comments,
    )
