"""The portal registry, `warta sites add/list` (probing a loopback portal) and `warta schedule`."""

import os
import stat

import pytest
from click.testing import CliRunner

from crawler.cli import cli
from crawler.crawl.registry import Site, SitesError, load_sites, save_site
from crawler.testportal import PortalSpec, serve_portals_in_thread


@pytest.fixture
def runner():
    return CliRunner()


BAD_ENTRIES = [
    ('[[site]]\nname = "x"\n', "url must be an http\\(s\\) URL"),
    ('[[site]]\nname = "Bad Name"\nurl = "https://a.id/"\n', "name must be"),
    ('[[site]]\nname = "a"\nurl = "https://a.id/"\nchannels = ["telepathy"]\n', "unknown channels"),
    ('[[site]]\nname = "a"\nurl = "https://a.id/"\nconcurrency = 99\n', "concurrency"),
    ('[[site]]\nname = "a"\nurl = "https://a.id/"\ncolour = "red"\n', "unknown keys colour"),
    (
        '[[site]]\nname = "a"\nurl = "https://a.id/"\n[[site]]\nname = "a"\nurl = "https://b.id/"\n',
        "duplicate name",
    ),
    ("site = 3\n", "array of tables"),
    ("[[site]\n", "not valid TOML"),
]


@pytest.mark.parametrize("text, message", BAD_ENTRIES)
def test_bad_sites_files_are_one_line_errors(tmp_path, text, message):
    path = tmp_path / "sites.toml"
    path.write_text(text)
    with pytest.raises(SitesError, match=message):
        load_sites(path)


def test_bad_sites_file_through_the_cli(runner, tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text(BAD_ENTRIES[0][0])
    for args in (["sites", "list"], ["crawl", "--all"]):
        result = runner.invoke(
            cli,
            [
                *args,
                "--sites",
                str(path),
                *(["--db", str(tmp_path / "a.db")] if args[0] == "crawl" else []),
            ],
        )
        assert result.exit_code == 1, result.output
        assert "entry 1" in result.output and "Traceback" not in result.output


def test_save_keeps_comments_and_refuses_duplicates_without_force(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text("# my portals\n")
    save_site(Site(name="ttn", url="https://ttn.example.id/", regency="Banyuasin"), path)
    with pytest.raises(SitesError, match="already registered"):
        save_site(Site(name="other", url="https://ttn.example.id/berita/"), path)
    save_site(
        Site(name="ttn", url="https://ttn.example.id/", regency="Musi Banyuasin"), path, force=True
    )
    assert path.read_text().startswith("# my portals")
    (site,) = load_sites(path)
    assert site.regency == "Musi Banyuasin"


def test_sites_add_probes_platform_and_channels(runner, tmp_path):
    path = tmp_path / "sites.toml"
    with serve_portals_in_thread(
        [PortalSpec(articles=3), PortalSpec(name="b", platform="blogspot")]
    ) as (wp, bs):
        result = runner.invoke(
            cli,
            [
                "sites",
                "add",
                wp.url + "/",
                "--name",
                "warta-daerah",
                "--sites",
                str(path),
                "--province",
                "Sumatera Selatan",
                "--regency",
                "Banyuasin",
            ],
        )
        assert result.exit_code == 0, result.output
        result = runner.invoke(
            cli, ["sites", "add", bs.url + "/", "--name", "halmahera", "--sites", str(path)]
        )
        assert result.exit_code == 0, result.output
        wp.requests(reset=True)
        again = runner.invoke(cli, ["sites", "add", wp.url + "/", "--sites", str(path)])
        assert again.exit_code == 2 and "--force" in again.output  # a usage error
        assert wp.requests()["counts"].get("total", 0) == 0, "refused before contacting it"
    wordpress, blogger = load_sites(path)
    assert wordpress.platform == "wordpress" and {"sitemap", "feed", "wp-json"} <= set(
        wordpress.channels
    )
    assert wordpress.province == "Sumatera Selatan"
    assert blogger.platform == "blogspot" and "blogspot-feed" in blogger.channels
    listed = runner.invoke(cli, ["sites", "list", "--sites", str(path)])
    assert "warta-daerah" in listed.output and "halmahera" in listed.output


def test_sites_add_unreachable_portal(runner, tmp_path):
    result = runner.invoke(
        cli, ["sites", "add", "http://127.0.0.1:1/", "--sites", str(tmp_path / "s.toml")]
    )
    assert result.exit_code == 1 and "cannot reach" in result.output
    assert not (tmp_path / "s.toml").exists()


@pytest.fixture
def sites_file(tmp_path):
    path = tmp_path / "sites.toml"
    save_site(Site(name="ttn", url="https://ttn.example.id/"), path)
    return path


def test_schedule_without_portals_warns_and_will_not_install(runner, tmp_path):
    empty = ["--db", str(tmp_path / "a.db"), "--sites", str(tmp_path / "none.toml")]
    printed = runner.invoke(cli, ["schedule", *empty])
    assert printed.exit_code == 0 and "crawl --all" in printed.stdout
    assert "registers no portal" in printed.stderr
    installed = runner.invoke(cli, ["schedule", "--install", *empty])
    assert installed.exit_code == 2 and "add portals first" in installed.output


def test_schedule_prints_cron_and_systemd(runner, tmp_path, sites_file):
    result = runner.invoke(
        cli,
        [
            "schedule",
            "--db",
            str(tmp_path / "a.db"),
            "--every",
            "daily",
            "--sites",
            str(sites_file),
        ],
    )
    assert result.exit_code == 0 and not result.stderr
    line = result.output.strip()
    assert (
        line.startswith("17 3 * * * ") and "crawl --all" in line and str(tmp_path / "a.db") in line
    )
    units = runner.invoke(
        cli, ["schedule", "--systemd", "--db", str(tmp_path / "a.db"), "--sites", str(sites_file)]
    ).output
    assert "OnCalendar=*-*-* *:17:00" in units and "ExecStart=" in units and "Type=oneshot" in units


def test_schedule_install_replaces_its_own_line_only(runner, tmp_path, monkeypatch, sites_file):
    # a stand-in `crontab` that keeps the table in a file, so the test changes no real crontab
    table = tmp_path / "crontab.txt"
    table.write_text("0 1 * * * backup\n")
    fake = tmp_path / "bin" / "crontab"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\nif [ "$1" = "-l" ]; then cat {table}; else cat > {table}; fi\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    for every in ("hourly", "daily"):
        result = runner.invoke(
            cli,
            ["schedule", "--install", "--every", every, "--db", str(tmp_path / "a.db"),
             "--sites", str(sites_file)],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    lines = table.read_text().splitlines()
    assert lines[0] == "0 1 * * * backup"
    assert len(lines) == 2 and lines[1].startswith("17 3 * * * ")
