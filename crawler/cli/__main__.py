"""`python -m crawler.cli`: the warta command."""

from crawler.cli import main

main()
