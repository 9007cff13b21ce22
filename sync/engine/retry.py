"""When to try a request again, and when to try a whole run again: immutable values.

Every request the engine makes is safe to repeat, by the protocol's design:

- ``GET /sync/pull`` and ``GET /health`` read only.
- ``POST /sync/push`` carries mutation ids the device assigned and stored before sending; the
  server answers a replayed id with the result it stored the first time and applies it once.
- ``POST /auth/token`` registers the same device id again and answers a new token.
- A photo chunk names its offset; the server keeps only bytes it does not have yet.

So the request policy retries any transient failure (no connection, a timeout, a reset, 5xx,
429) of any of them; it never retries a 4xx answer, which would be refused again.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """Capped exponential backoff with jitter for one request.

    ``attempts`` counts the first try. The n-th retry waits ``base_delay * 2**(n-1)`` seconds,
    at most ``max_delay``, shortened by up to ``jitter`` of itself so that laptops that lost
    the link together do not come back together. A ``Retry-After`` answer is obeyed up to
    ``max_delay``. ``connect_timeout`` and ``read_timeout`` bound each attempt.
    """

    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 20.0
    jitter: float = 0.5
    connect_timeout: float = 5.0
    read_timeout: float = 30.0

    def delay(self, retry: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (1 for the first retry)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_delay)
        full = min(self.base_delay * 2 ** (retry - 1), self.max_delay)
        return full * (1 - self.jitter * random.random())

    @property
    def timeout(self) -> tuple[float, float]:
        return (self.connect_timeout, self.read_timeout)


DEFAULT_POLICY = RetryPolicy()

# The caller's timer for a failed run: one minute, doubling, at most 15 minutes.
RUN_RETRY_FIRST = 60.0
RUN_RETRY_MAX = 15 * 60.0


def next_retry_delay(failures: int, *, jitter: float = 0.25) -> float:
    """Seconds until the caller retries a run after ``failures`` failed runs in a row.

    The desktop retries a failed run on this timer even when nothing new was typed, so a
    record made offline reaches the server soon after the link returns. 0 failures: 0.
    """
    if failures <= 0:
        return 0.0
    full = min(RUN_RETRY_FIRST * 2 ** (failures - 1), RUN_RETRY_MAX)
    return full * (1 - jitter * random.random())


def parse_retry_after(value: str | None) -> float | None:
    """A ``Retry-After`` header in seconds; the HTTP-date form is treated as absent."""
    if not value:
        return None
    try:
        return float(value.strip())
    except ValueError:
        return None
