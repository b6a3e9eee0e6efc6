"""How fast this machine is right now: a fixed piece of pure Python, alone and then in two processes at once.

The targets of issue 18 are absolute times measured on a shared 2-core machine whose speed changed by a factor
of two or three from one day to the next. ``bench/all.py`` prints this gauge before and after its parts, so
that figures of two runs can be compared: the same code measured twice as slow on a machine whose gauge doubled
says nothing about the code. "Two at once" tells whether a second core was there: on an idle machine with two
cores each copy takes about as long as one alone.

    .venv/bin/python bench/machine.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys

#: 0.16–0.19 s of one core on 2026-12-07
WORK = "sum(i * i % 7 for i in range(2_000_000))"
_TIMED = f"import time; t = time.perf_counter(); {WORK}; print((time.perf_counter() - t) * 1000)"


def _copies(count: int) -> list[float]:
    """Milliseconds of the work in each of ``count`` processes started together (each times itself, not its
    start), fastest first."""
    copies = [subprocess.Popen([sys.executable, "-c", _TIMED], stdout=subprocess.PIPE, text=True) for _ in range(count)]
    return sorted(float(copy.communicate(timeout=120)[0]) for copy in copies)


def alone(rounds: int = 5) -> float:
    """Milliseconds of the work in one process, the median of ``rounds``."""
    return statistics.median(_copies(1)[0] for _ in range(rounds))


def two_at_once(rounds: int = 3) -> tuple[float, float]:
    """Milliseconds of the work in each of two processes started together: the faster and the slower copy, each
    the median of ``rounds`` pairs."""
    pairs = [_copies(2) for _ in range(rounds)]
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def gauge() -> str:
    one = alone()
    first, second = two_at_once()
    return f"machine gauge: {one:.0f} ms alone; two at once {first:.0f} and {second:.0f} ms ({second / one:.2f}× alone)"


if __name__ == "__main__":
    print(gauge())
