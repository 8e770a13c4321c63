"""A gate on the test portal's article responses, so tests can stop a crawl mid-way by an event.

Tests that interrupt a crawl (Ctrl-C, SIGKILL, a killed worker) must not depend on how fast a
shared machine is. The gate makes the portal itself hold article requests: `close_after(n)` lets
`n` more article requests through and holds the rest; `barrier(k)` holds article requests until
`k` of them wait at once, then lets them all go (proof that `k` clients fetch concurrently);
`open()` releases everything. `state()` says how many were served and how many wait, which is the
event a test waits for. A held request is let go after `MAX_HOLD_SECONDS` whatever happens, so a
test that fails never leaves a server hanging.
"""

from __future__ import annotations

import threading
import time

MAX_HOLD_SECONDS = 120.0  # longer than any test's wait for a held request; the server never hangs


class Gate:
    """Holds article requests on command; thread-safe (one handler thread per request)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.served = 0
        """Article requests let through since the portal started."""
        self.waiting = 0
        """Article requests held right now."""
        self._allowance: int | None = None  # None: open; n: that many more pass, then hold
        self._barrier = 0  # > 0: hold until this many wait together

    def close_after(self, n: int) -> None:
        """Let `n` more article requests through, then hold every later one."""
        with self._cond:
            self._allowance = max(0, n)
            self._barrier = 0
            self._cond.notify_all()

    def barrier(self, k: int) -> None:
        """Hold article requests until `k` wait at once, then release them all and stay open."""
        with self._cond:
            self._allowance = None
            self._barrier = max(0, k)
            self._cond.notify_all()

    def open(self) -> None:
        """Release every held request and hold no more."""
        with self._cond:
            self._allowance = None
            self._barrier = 0
            self._cond.notify_all()

    def state(self) -> dict[str, int | bool]:
        """Served and waiting counts, and whether the gate holds requests now."""
        with self._cond:
            return {
                "served": self.served,
                "waiting": self.waiting,
                "closed": self._allowance == 0 or self._barrier > 0,
            }

    def _must_wait(self) -> bool:
        if self._barrier:
            return self.waiting < self._barrier
        return self._allowance == 0

    def pass_through(self) -> None:
        """Called by a handler thread before it answers an article request: wait while held."""
        deadline = time.monotonic() + MAX_HOLD_SECONDS
        with self._cond:
            self.waiting += 1
            if self._barrier and self.waiting >= self._barrier:
                self._barrier = 0  # the barrier is reached: everyone goes, the gate stays open
                self._cond.notify_all()
            while self._must_wait():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            self.waiting -= 1
            self.served += 1
            if self._allowance:
                self._allowance -= 1
