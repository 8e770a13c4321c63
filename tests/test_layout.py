"""The package's floor plan holds: no import cycles, private names stay private, faces stay faces,
no module grows past ~800 lines (issue 13)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGES = ("crawler", "spiders")
MAX_MODULE_LINES = 800  # the bound: past it a module holds more than one concern
LONG_DATA_MODULES = {
    # the test portal's templates and fixture text: markup and prose, not logic
    "crawler/testportal/themes.py",
    "crawler/testportal/showcase.py",
    "crawler/testportal/phrasebook.py",
    "crawler/testportal/feeds.py",
    # the cleaning vocabulary: word lists and patterns, one module by design (STYLE.md: the
    # Indonesian boilerplate is one vocabulary module, as trafilatura keeps its xpaths in one)
    "crawler/clean/vocabulary.py",
}


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            parts = path.relative_to(REPO).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _resolve(importer: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _imports(name: str, path: Path, modules: dict[str, Path]):
    """(imported module, imported names) for each import statement of `name`, wherever it stands."""
    tree = ast.parse(path.read_text(), str(path))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []  # annotations only, never run
    # Imports inside functions count too: a lazy import hides a cycle, it does not remove it.
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules:
                    yield alias.name, []
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(name, is_package, node)
            for alias in node.names:
                child = f"{target}.{alias.name}"
                if child in modules:
                    yield child, []
                elif target in modules:
                    yield target, [alias.name]


def _graph() -> tuple[dict[str, set[str]], list[tuple[str, str, str]]]:
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    private: list[tuple[str, str, str]] = []
    for name, path in modules.items():
        for target, names in _imports(name, path, modules):
            if target != name:
                graph[name].add(target)
                # importing a submodule runs its package's __init__ first
                parent = target.rpartition(".")[0]
                while parent and parent in modules and not name.startswith(parent + "."):
                    graph[name].add(parent)
                    parent = parent.rpartition(".")[0]
            private += [
                (name, target, n) for n in names if n.startswith("_") and n != "__version__"
            ]
    return graph, private


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    graph, _ = _graph()
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_private_names_stay_in_their_module():
    _, private = _graph()
    assert private == [], "import a public name, or move the shared piece to one owner"


def test_package_inits_are_faces():
    for name, path in _modules().items():
        if path.name != "__init__.py":
            continue
        tree = ast.parse(path.read_text())
        defined = [n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)]
        assert ast.get_docstring(tree), f"{name}: a package face says what the package owns"
        assert not defined, f"{name} defines {defined}: logic belongs in a named module"


def test_no_module_holds_too_much():
    long = {
        str(path.relative_to(REPO)): lines
        for path in _modules().values()
        if (lines := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert set(long) <= LONG_DATA_MODULES, long
