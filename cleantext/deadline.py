"""A per-document time budget, checked between stages and handed to every rule's regex."""
from __future__ import annotations

import time

from .errors import TimeLimitExceeded


class Deadline:
    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.end = None if seconds is None else time.monotonic() + seconds

    def remaining(self) -> float | None:
        """Seconds left (at least a millisecond, which regex needs to be told), or None for no limit."""
        if self.end is None:
            return None
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeLimitExceeded(f"over the time limit of {self.seconds:g} s")
        return max(left, 0.001)

    def check(self) -> None:
        if self.end is not None and time.monotonic() > self.end:
            raise TimeLimitExceeded(f"over the time limit of {self.seconds:g} s")


NO_DEADLINE = Deadline(None)
