"""The `warta` command: a thin click layer over crawler's Python API (one module per command group).

`common` holds the click group and the shared options; `core`, `archive`, `research`, `operations`
and `distributed` each register their commands on it when imported (here).
"""

from crawler.cli import archive, core, distributed, operations, research  # noqa: F401  (registers)
from crawler.cli.common import cli, main

__all__ = ["cli", "main"]
