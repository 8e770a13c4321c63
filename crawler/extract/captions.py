"""Photo captions printed as paragraphs of the story's own text, told apart by the page's markup."""

from __future__ import annotations

from typing import Any

from crawler.extract.dom import attribute_words, fold, text_of

IMAGE_CAPTION_MAX_CHARS = 300  # the held-out sets' caption paragraphs run from 20 to about 100
"""Characters of a caption printed as a paragraph of its own class under a picture; a longer one
is a paragraph of the story that happens to follow one."""


def _picture_only(element: Any) -> bool:
    """An image, or an element holding images and no text (`<p><img></p>`)."""
    if element.tag in ("img", "picture"):
        return True
    return element.find(".//img") is not None and not fold(text_of(element))


CAPTION_CLASS_PARTS = (
    "caption", "legend", "didascalia", "lezanta", "bildunterschrift", "bildtext", "onderschrift",
    "keterangan", "picnote", "photonote", "imgnote", "fotonote",
)  # fmt: skip
"""Parts of the class names (words joined) a paragraph printing a picture's caption carries, in
the languages of the sites read (`img_caption`, `didascalia`, `lezanta`, `légende`, `pic-note`)."""


def image_captions(container: Any) -> list[Any]:
    """Paragraphs right under a picture, in a caption's class no other paragraph of the story has
    (`<img><p class="didascalia">...`, `<p><img></p><p class="pic-note">...`), and the captions
    paragraphs print after their own picture (`_caption_after_picture`): the picture's caption,
    told by the page's own markup. The story's first paragraph is never one, nor a
    paragraph of a class the story's paragraphs share. (A unique class under a picture alone took
    story paragraphs on wcxb-articles 1222 and the dates set's yomiuri page.)"""
    paragraphs = list(container.iter("p"))
    found = [line for p in paragraphs if (line := _caption_after_picture(p)) is not None]
    if len(paragraphs) < 4:
        return found
    classes: dict[str, int] = {}
    for paragraph in paragraphs:
        key = paragraph.get("class") or ""
        classes[key] = classes.get(key, 0) + 1
    for paragraph in paragraphs[1:]:
        key = paragraph.get("class") or ""
        if not key or classes[key] > 1:
            continue
        joined = "".join(attribute_words(paragraph))
        if not any(part in joined for part in CAPTION_CLASS_PARTS):
            continue
        previous = paragraph.getprevious()
        while previous is not None and not isinstance(previous.tag, str):
            previous = previous.getprevious()
        if previous is None or not _picture_only(previous):
            continue
        if len(fold(text_of(paragraph))) <= IMAGE_CAPTION_MAX_CHARS:
            found.append(paragraph)
    return found


_INLINE_CAPTION_TAGS = frozenset({"span", "em", "i", "small", "font", "strong", "b"})


def _caption_after_picture(paragraph: Any) -> Any | None:
    """The caption a paragraph prints after its own picture and a line break, all of its text in
    one inline element (`<p><img><br><span style="font-size: 8pt"><em>Caption</em></span></p>`,
    an editor's picture with its caption under it), else None. A picture floated beside the
    story's text (`<p><img>The story ...</p>`) has no break and no wrapper around that text."""
    children = [c for c in paragraph if isinstance(c.tag, str)]
    if len(children) != 3 or fold(paragraph.text) or not _picture_only(children[0]):
        return None
    brk, line = children[1], children[2]
    if brk.tag != "br" or fold(brk.tail) or line.tag not in _INLINE_CAPTION_TAGS or fold(line.tail):
        return None
    text = fold(text_of(line))
    return line if text and len(text) <= IMAGE_CAPTION_MAX_CHARS else None
