"""Periodic crawls: the crontab line or systemd timer + service that run `warta crawl --all`."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

CRON_MARKER = "# warta scheduled crawl"
EVERY = {
    # name: (cron expression, systemd OnCalendar). Minute 17 keeps runs off the :00 rush every
    # other cron job on a shared host starts at.
    "hourly": ("17 * * * *", "*-*-* *:17:00"),
    "6h": ("17 */6 * * *", "*-*-* 00/6:17:00"),
    "daily": ("17 3 * * *", "*-*-* 03:17:00"),
}
RANDOM_DELAY_S = 300  # systemd spreads runs of many machines over 5 minutes


class ScheduleError(Exception):
    """The schedule cannot be written or installed (one-line message)."""


@dataclass
class Schedule:
    """What a periodic crawl runs, where, and how often."""

    every: str
    db: Path
    sites: Path
    workdir: Path
    warta: list[str]

    @property
    def command(self) -> str:
        """The crawl command line the scheduler runs."""
        return shlex.join(
            [*self.warta, "crawl", "--all", "--db", str(self.db), "--sites", str(self.sites)]
        )

    @property
    def log(self) -> Path:
        """Where scheduled runs append their output."""
        return self.db.parent / "state" / "scheduled-crawl.log"


def make_schedule(every: str, db: str, sites: str) -> Schedule:
    """A schedule for this installation (absolute paths, the `warta` of this environment)."""
    if every not in EVERY:
        raise ScheduleError(f"--every must be one of {', '.join(EVERY)}")
    sibling = Path(sys.executable).parent / "warta"  # the warta of this virtual environment
    found = str(sibling) if sibling.exists() else shutil.which("warta")
    warta = [found] if found else [sys.executable, "-m", "crawler.cli"]
    db_path, sites_path = Path(db).resolve(), Path(sites).resolve()
    return Schedule(every, db_path, sites_path, Path.cwd().resolve(), warta)


def crontab_line(schedule: Schedule) -> str:
    """One crontab line (with its marker comment) that runs the crawl and appends to a log."""
    cron, _ = EVERY[schedule.every]
    log = shlex.quote(str(schedule.log))
    return (
        f"{cron} mkdir -p {shlex.quote(str(schedule.log.parent))} && cd "
        f"{shlex.quote(str(schedule.workdir))} && {schedule.command} >> {log} 2>&1 {CRON_MARKER}"
    )


def systemd_units(schedule: Schedule) -> dict[str, str]:
    """`warta-crawl.service` and `warta-crawl.timer` for a user or system systemd."""
    _, calendar = EVERY[schedule.every]
    service = f"""[Unit]
Description=Warta: crawl every registered news portal into {schedule.db}
After=network-online.target
Wants=network-online.target

[Service]
Type=oneshot
WorkingDirectory={schedule.workdir}
ExecStart={schedule.command}
Nice=10
"""
    timer = f"""[Unit]
Description=Warta scheduled crawl ({schedule.every})

[Timer]
OnCalendar={calendar}
RandomizedDelaySec={RANDOM_DELAY_S}
Persistent=true

[Install]
WantedBy=timers.target
"""
    return {"warta-crawl.service": service, "warta-crawl.timer": timer}


def install_crontab(schedule: Schedule) -> str:
    """Add (or replace) Warta's line in the user's crontab; returns the line."""
    if not shutil.which("crontab"):
        raise ScheduleError("no crontab command on this machine (install cron, or use --systemd)")
    current = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
    lines = current.stdout.splitlines() if current.returncode == 0 else []
    line = crontab_line(schedule)
    kept = [x for x in lines if not x.rstrip().endswith(CRON_MARKER)]
    done = subprocess.run(["crontab", "-"], input="\n".join([*kept, line]) + "\n", text=True,
                          capture_output=True)  # fmt: skip
    if done.returncode != 0:
        raise ScheduleError(f"crontab refused the new table: {done.stderr.strip()}")
    return line


def install_systemd(schedule: Schedule, unit_dir: Path | None = None) -> list[Path]:
    """Write the units to the user's systemd folder and enable the timer; returns the files."""
    unit_dir = (
        unit_dir
        or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "systemd" / "user"
    )
    try:
        unit_dir.mkdir(parents=True, exist_ok=True)
        written = []
        for name, text in systemd_units(schedule).items():
            path = unit_dir / name
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise ScheduleError(f"cannot write units to {unit_dir}: {exc.strerror}") from None
    if shutil.which("systemctl"):
        for args in (["daemon-reload"], ["enable", "--now", "warta-crawl.timer"]):
            done = subprocess.run(["systemctl", "--user", *args], capture_output=True, text=True)
            if done.returncode != 0:
                message = re.sub(r"\s+", " ", done.stderr).strip()
                raise ScheduleError(f"units written to {unit_dir}, but systemctl said: {message}")
    return written
