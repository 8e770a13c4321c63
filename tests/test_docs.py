"""The README stays true: every setting, every CLI command and every archive column is documented."""

import re
from pathlib import Path

import crawler.settings
from crawler.cli import cli
from crawler.items import article_columns

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
CI_RUN = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")


def test_every_warta_setting_is_in_the_readme():
    names = [n for n in dir(crawler.settings) if n.startswith("WARTA_")]
    assert names
    missing = [n for n in names if f"`{n}`" not in README]
    assert not missing


def test_every_cli_command_is_in_the_readme():
    missing = [name for name in cli.commands if f"warta {name}" not in README]
    assert not missing


def test_every_command_help_ends_with_an_example():
    for name, command in cli.commands.items():
        assert "Example" in (command.help or ""), name


def test_every_article_column_is_in_the_data_dictionary():
    missing = [c for c in ["id", *article_columns()] if f"| `{c}` |" not in README]
    assert not missing


def test_ci_runs_exactly_the_readmes_test_command():
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    commands = [line for line in block.splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2, "the README opens with two commands"
    assert commands[1] in CI_RUN.splitlines()
