"""The search query language: what people type, parsed into a tree and written as FTS5 syntax."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from crawler.research.stemming import stem_text, tokens

COLUMNS = ("title", "body", "authors")
"""Fields a `name:` filter may name (the columns of both FTS indexes that people search)."""
OPERATORS = frozenset({"and", "or", "not"})
"""Operators in any case: English words that Indonesian news text hardly uses as search words
(quote one to search it: `"not"`). `dan`, `atau` and `tidak` stay words."""
DEFAULT_NEAR = 10  # FTS5's own default distance for NEAR(...) without one
MAX_NEAR = 1_000  # a wider NEAR is no narrower than AND; the bound keeps FTS5's work bounded
_SYNTAX = frozenset('"(){}*^+,')
EXAMPLES = 'e.g. banjir garut, "dana hibah", banjir OR longsor, pilkada NOT kpu, bangun*'


class QueryError(ValueError):
    """A query that cannot be understood; the message says what to change."""


@dataclass(frozen=True)
class Phrase:
    """Words that must follow one another (one word is a phrase of one)."""

    words: tuple[str, ...]
    """Lower-case tokens as typed (split where FTS5's tokenizer splits: `covid-19` is two)."""
    prefix: bool = False
    """The last word is a prefix (`bangun*`)."""
    initial: bool = False
    """The phrase must open the field (`^pilkada`)."""


@dataclass(frozen=True)
class Near:
    """Phrases within `distance` words of each other."""

    phrases: tuple[Phrase, ...]
    distance: int = DEFAULT_NEAR


@dataclass(frozen=True)
class Columns:
    """A query limited to some fields (`title:pilkada`), or kept out of them (`-title:`)."""

    columns: tuple[str, ...]
    child: Node
    negated: bool = False


@dataclass(frozen=True)
class Bool:
    """`AND` or `OR` of two or more parts, or `NOT`: the first part without the others."""

    op: str
    parts: tuple[Node, ...]


Node = Phrase | Near | Columns | Bool


@dataclass
class Parsed:
    """A parsed query: its tree and what it searches for."""

    tree: Node
    phrases: list[Phrase] = field(default_factory=list)
    """Every phrase, in order (the words a snippet highlights)."""


# -- lexing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # word | string | column | op | char
    text: str
    position: int


def _lex(query: str) -> list[_Token]:
    """Split a query into words, quoted strings, column names, operators and syntax characters."""
    out: list[_Token] = []
    position = 0
    length = len(query)
    while position < length:
        char = query[position]
        if char.isspace():
            position += 1
            continue
        if char == '"':
            end = position + 1
            while True:
                end = query.find('"', end)
                if end < 0:
                    raise QueryError(
                        f'unterminated quote at character {position + 1}: add the closing "'
                        ' (a phrase is written "dana hibah") or remove the "'
                    )
                if query.startswith('""', end):
                    end += 2
                    continue
                break
            out.append(_Token("string", query[position + 1 : end].replace('""', '"'), position))
            position = end + 1
            continue
        if char in _SYNTAX:
            out.append(_Token("char", char, position))
            position += 1
            continue
        end = position
        while end < length and not query[end].isspace() and query[end] not in _SYNTAX:
            if query[end] == ":" and query[position:end].lower() in COLUMNS:
                break
            end += 1
        word = query[position:end]
        name, colon, rest = word.partition(":")
        if colon and name.isalpha() and rest[:1].isalpha():
            raise QueryError(
                f"no field {name!r} (character {position + 1}): the fields are"
                f" {', '.join(c + ':' for c in COLUMNS)}; to search the words, quote them:"
                f' "{word}"'
            )
        if end < length and query[end] == ":":
            out.append(_Token("column", word.lower(), position))
            end += 1
        elif word.lower() in OPERATORS or word.lower() == "near":
            out.append(_Token("op", word.upper(), position))
        else:
            out.append(_Token("word", word, position))
        position = end
    return out


# -- parsing ------------------------------------------------------------------------------------


class _Parser:
    """Recursive descent over the tokens, FTS5's precedence: NOT, then AND, then OR."""

    def __init__(self, query: str, items: list[_Token]):
        self.query = query
        self.items = items
        self.at = 0
        self.phrases: list[Phrase] = []

    def peek(self, offset: int = 0) -> _Token | None:
        index = self.at + offset
        return self.items[index] if index < len(self.items) else None

    def peek_text(self) -> str | None:
        found = self.peek()
        return None if found is None else found.text

    def take(self) -> _Token:
        found = self.items[self.at]
        self.at += 1
        return found

    def is_op(self, name: str) -> bool:
        found = self.peek()
        if found is None or found.kind != "op" or found.text != name:
            return False
        if name == "NEAR":
            after = self.peek(1)
            return after is not None and after.text == "("
        return True

    def parse(self) -> Node:
        tree = self.parse_or()
        found = self.peek()
        if found is not None:
            if found.text == ")":
                raise QueryError(
                    f'a ")" without its "(" at character {found.position + 1}: remove it'
                )
            raise QueryError(f"cannot read {found.text!r} at character {found.position + 1}")
        return tree

    def parse_or(self) -> Node:
        parts = [self.parse_and()]
        while self.is_op("OR"):
            operator = self.take()
            parts.append(self.operand_after(operator, self.parse_and))
        return parts[0] if len(parts) == 1 else Bool("OR", tuple(parts))

    def parse_and(self) -> Node:
        parts = [self.parse_not()]
        while True:
            if self.is_op("AND"):
                operator = self.take()
                parts.append(self.operand_after(operator, self.parse_not))
            elif self.starts_operand():
                parts.append(self.parse_not())
            elif self.peek_text() == ",":  # `banjir, garut`
                self.take()
            else:
                break
        return parts[0] if len(parts) == 1 else Bool("AND", tuple(parts))

    def parse_not(self) -> Node:
        left = self.parse_unary()
        excluded: list[Node] = []
        while True:
            if self.is_op("NOT"):
                operator = self.take()
                excluded.append(self.operand_after(operator, self.parse_unary))
            elif self.is_dash_word():
                excluded.append(self.parse_unary())
            else:
                break
        return Bool("NOT", (left, *excluded)) if excluded else left

    def is_dash_word(self) -> bool:
        found = self.peek()
        return (
            found is not None
            and found.kind == "word"
            and found.text.startswith("-")
            and (len(tokens(found.text)) > 0)
        )

    def starts_operand(self) -> bool:
        found = self.peek()
        if found is None or self.is_dash_word():
            return False
        if found.kind in ("word", "string", "column"):
            return True
        if found.kind == "op":
            return self.is_op("NEAR")
        return found.text in ("(", "{", "^")

    def operand_after(self, operator: _Token, parse: Callable[[], Node]) -> Node:
        if not self.starts_operand() and not self.is_dash_word():
            word = operator.text.lower()
            raise QueryError(
                f"{operator.text} at character {operator.position + 1} needs something to search on"
                f" each side (e.g. pilkada {operator.text} kpu); to search the word itself, quote"
                f' it: "{word}"'
            )
        return parse()

    def parse_unary(self) -> Node:
        found = self.peek()
        if found is None:
            raise QueryError("nothing to search for: type a word, " + EXAMPLES)
        if found.kind == "op" and not self.is_op("NEAR"):
            raise QueryError(
                f"{found.text} at character {found.position + 1} needs something to search before"
                f" it (e.g. pilkada {found.text} kpu); to search the word itself, quote it:"
                f' "{found.text.lower()}"'
            )
        if found.kind == "column" or found.text == "{":
            return self.parse_columns()
        if found.kind == "word" and found.text.startswith("-"):
            self.take()
            return self.phrase_from(found.text[1:], found)
        if self.is_op("NEAR"):
            return self.parse_near()
        if found.text == "(":
            self.take()
            if self.peek_text() == ")":
                raise QueryError(
                    f"empty parentheses at character {found.position + 1}: remove them"
                )
            inner = self.parse_or()
            closing = self.peek()
            if closing is None or closing.text != ")":
                raise QueryError(
                    f'unbalanced parenthesis at character {found.position + 1}: add a ")"'
                )
            self.take()
            return inner
        return self.parse_phrase()

    def parse_columns(self) -> Node:
        found = self.take()
        if found.kind == "column":
            columns: tuple[str, ...] = (found.text,)
        else:  # {title body}:
            names: list[str] = []
            while (item := self.peek()) is not None and item.text != "}":
                self.take()
                for name in item.text.replace(":", " ").split():
                    if name.lower() not in COLUMNS:
                        raise QueryError(
                            f"no field {name!r} in {{...}} at character {found.position + 1}:"
                            f" use {', '.join(COLUMNS)}"
                        )
                    names.append(name.lower())
            if self.peek() is None:
                raise QueryError(f'unclosed "{{" at character {found.position + 1}: add a "}}:"')
            self.take()
            colon = self.peek()
            if colon is None or not (colon.kind == "word" and colon.text.startswith(":")):
                raise QueryError(
                    f"{{...}} at character {found.position + 1} needs a colon and words after"
                    " it, e.g. {title body}:pilkada"
                )
            self.take()
            if colon.text != ":":  # `:word` came as one word
                self.items.insert(self.at, _Token("word", colon.text[1:], colon.position + 1))
            columns = tuple(dict.fromkeys(names))
            if not columns:
                raise QueryError(f"no field named in {{}} at character {found.position + 1}")
        following = self.peek()
        if following is None or not (self.starts_operand() or self.is_dash_word()):
            shown = found.text + ":" if found.kind == "column" else "{...}:"
            raise QueryError(
                f"{shown} at character {found.position + 1} needs a word after it, e.g."
                f" {columns[0]}:pilkada"
            )
        return Columns(columns, self.parse_unary())

    def parse_near(self) -> Node:
        start = self.take()
        self.take()  # (
        phrases: list[Phrase] = []
        distance = DEFAULT_NEAR
        while True:
            found = self.peek()
            if found is None:
                raise QueryError(
                    f'NEAR at character {start.position + 1} needs a closing ")":'
                    " NEAR(banjir garut, 5)"
                )
            if found.text == ")":
                self.take()
                break
            if found.text == ",":
                self.take()
                number = self.peek()
                if number is None or number.kind != "word" or not number.text.isdigit():
                    raise QueryError(
                        f"NEAR at character {start.position + 1} takes a number of words after"
                        " the comma: NEAR(banjir garut, 5)"
                    )
                self.take()
                distance = min(int(number.text), MAX_NEAR)
                continue
            if found.kind not in ("word", "string") and found.text != "^":
                raise QueryError(
                    f"NEAR at character {start.position + 1} takes words or phrases only:"
                    " NEAR(banjir garut, 5)"
                )
            node = self.parse_phrase()
            if isinstance(node, Phrase):
                phrases.append(node)
        if len(phrases) < 1:
            raise QueryError(
                f"NEAR at character {start.position + 1} needs words: NEAR(banjir garut, 5)"
            )
        return Near(tuple(phrases), distance)

    def parse_phrase(self) -> Node:
        initial = False
        found = self.peek()
        if found is not None and found.text == "^":
            self.take()
            initial = True
            found = self.peek()
        if found is None or found.kind not in ("word", "string"):
            where = f"at character {found.position + 1}" if found else "at the end"
            shown = repr(found.text) if found else "nothing"
            raise QueryError(f"expected a word {where}, found {shown}; " + EXAMPLES)
        self.take()
        words = list(tokens(found.text))
        while self.peek_text() == "+":  # FTS5: one + two = "one two"
            plus = self.take()
            following = self.peek()
            if following is None or following.kind not in ("word", "string"):
                raise QueryError(f"+ at character {plus.position + 1} joins two words: one + two")
            self.take()
            words += tokens(following.text)
        prefix = False
        if self.peek_text() == "*":
            self.take()
            prefix = True
        if not words:
            if prefix:
                raise QueryError(
                    f"* at character {found.position + 1} ends a prefix: bangun* finds words"
                    " starting with bangun"
                )
            return _EMPTY
        phrase = Phrase(tuple(words), prefix, initial)
        self.phrases.append(phrase)
        return phrase

    def phrase_from(self, text: str, token: _Token) -> Node:
        self.items.insert(self.at, _Token("word", text, token.position + 1))
        return self.parse_phrase()


_EMPTY = Phrase(())
"""A word with no letters or digits in it (`%`, `-`): it searches for nothing and is left out."""


def parse(query: str) -> Parsed:
    """Parse a query; QueryError (saying what to change) when it cannot be understood."""
    parser = _Parser(query, _lex(query))
    tree = _prune(parser.parse())
    if tree is None:
        raise QueryError(f"nothing to search for in {query!r}: type a word, " + EXAMPLES)
    return Parsed(tree, [p for p in parser.phrases if p.words])


def _prune(node: Node) -> Node | None:
    """The tree without empty phrases (and without the operators they leave with one side)."""
    if isinstance(node, Phrase):
        return node if node.words else None
    if isinstance(node, Near):
        phrases = tuple(p for p in node.phrases if p.words)
        return Near(phrases, node.distance) if phrases else None
    if isinstance(node, Columns):
        child = _prune(node.child)
        return Columns(node.columns, child, node.negated) if child is not None else None
    parts = [_prune(p) for p in node.parts]
    if node.op == "NOT":
        if parts[0] is None:
            return None
        kept = [parts[0], *(p for p in parts[1:] if p is not None)]
    else:
        kept = [p for p in parts if p is not None]
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else Bool(node.op, tuple(kept))


# -- writing FTS5 -------------------------------------------------------------------------------


def stem_words(words: tuple[str, ...]) -> list[str]:
    """The stems of a phrase's words, as the stem index holds them."""
    return (stem_text(" ".join(words)) or "").split()


def to_fts(node: Node, *, stemmed: bool) -> str:
    """FTS5 syntax for a parsed query, words stemmed (the stem index) or as typed (the exact
    index); every word quoted, every group parenthesised, so no word is read as syntax."""
    if isinstance(node, Phrase):
        words = list(node.words)
        if stemmed:
            last = words[-1] if node.prefix else None
            words = stem_words(tuple(words[:-1] if node.prefix else words))
            if last is not None:
                words.append(last)
        text = '"' + " ".join(w.replace('"', '""') for w in words) + '"'
        return ("^" if node.initial else "") + text + ("*" if node.prefix else "")
    if isinstance(node, Near):
        inner = " ".join(to_fts(p, stemmed=stemmed) for p in node.phrases)
        return f"NEAR({inner}, {node.distance})"
    if isinstance(node, Columns):
        spec = node.columns[0] if len(node.columns) == 1 else "{" + " ".join(node.columns) + "}"
        return f"{'- ' if node.negated else ''}{spec} : ({to_fts(node.child, stemmed=stemmed)})"
    return f" {node.op} ".join(f"({to_fts(p, stemmed=stemmed)})" for p in node.parts)


def scored_part(node: Node, leave_out: frozenset[Phrase] = frozenset()) -> Node | None:
    """What bm25 needs to read of a query to score its matches: the query without its NOT parts
    (no match holds them, so they add 0 to every score) and without the phrases in `leave_out`;
    None when nothing is left."""
    if isinstance(node, Phrase):
        return None if node in leave_out else node
    if isinstance(node, Near):
        return node
    if isinstance(node, Columns):
        child = scored_part(node.child, leave_out)
        return None if child is None else Columns(node.columns, child, node.negated)
    if node.op == "NOT":
        return scored_part(node.parts[0], leave_out)
    parts = [p for p in (scored_part(part, leave_out) for part in node.parts) if p is not None]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Bool(node.op, tuple(parts))


def needed_phrases(node: Node) -> Iterator[Phrase]:
    """The phrases every match of a query holds (not those of an OR or after a NOT): leaving one
    out of a query matches more articles, never fewer."""
    if isinstance(node, Phrase):
        yield node
    elif isinstance(node, Near):
        yield from node.phrases
    elif isinstance(node, Columns):
        yield from needed_phrases(node.child)
    elif node.op == "NOT":
        yield from needed_phrases(node.parts[0])
    elif node.op == "AND":
        for part in node.parts:
            yield from needed_phrases(part)


def unscorable(scored: Node, *, needed: bool) -> set[Phrase]:
    """The phrases of a query's scored part that its score may leave out for being in most
    articles (with `needed`: only those every match holds). Never one in a NEAR: its bm25 counts
    the other phrases only where they stand near it, and scoring them alone counts them anywhere
    in the article (the bench's NEAR(top mid, 5) with a top word in most articles kept 41 % of
    its top 20). Never one under a field (`title:yang`): its IDF counts the articles holding it
    in that field, which a word's share of the articles does not tell (`title:baik` scores ~3,
    `baik` 1e-6)."""
    nodes = list(walk(scored))
    words = set(needed_phrases(scored)) if needed else {n for n in nodes if isinstance(n, Phrase)}
    for node in nodes:
        if isinstance(node, Near | Columns):
            words -= {n for n in walk(node) if isinstance(n, Phrase)}
    return words


def walk(node: Node) -> Iterator[Node]:
    """Every node of a tree, parents first."""
    yield node
    if isinstance(node, Columns):
        yield from walk(node.child)
    elif isinstance(node, Bool):
        for part in node.parts:
            yield from walk(part)
    elif isinstance(node, Near):
        yield from node.phrases
