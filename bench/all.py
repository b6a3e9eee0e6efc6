"""Every target of issue 18 in one run: the province pages on SQLite and PostgreSQL beside their raw SQL,
autosave against /health (in process with the profiler, closed loop at saturation, the open loop of 50
tablets), the minutes cold and warm, and (no target) the unit scope of a merged city. Each part runs as its
own process with its own bound (count and timeout); the part's own table is printed as it comes, then one table
of the targets, each with the figure measured and whether it is met. The machine's speed (``bench/machine.py``)
is printed before and after, for comparing runs.

    .venv/bin/python bench/all.py            # about 8 minutes on 2 idle cores, longer under load
    .venv/bin/python bench/all.py --quick    # a smaller province and fewer requests: checks that it all runs

Read the figures with the noise in mind: one run, on whatever else the machine is doing.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.machine import gauge  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")
ROW = re.compile(r"^(?P<name>\S.*?)\s{2,}(?P<p50>[\d.]+)\s+(?P<p95>[\d.]+)\s+(?P<r50>[\d.]+|-)\s+(?P<r95>[\d.]+|-)"
                 r"\s+(?P<ratio>[\d.]+|-)\s*$")

#: province rows with a bound on p95 (ms) and, where given, on p95 / raw p95
PAGE_TARGETS = {
    "dashboard": (100, 2.0), "heads": (100, 2.0),
    "inspections": (100, None), "inspections by unit, page 40": (100, None), "remediation": (100, None),
    "remediation, search": (100, None), "units": (100, None), "statistics 2025": (100, None),
    "findings of one inspection": (100, None), "accounts (administrator)": (100, None),
    "period figures (in process)": (None, 2.0),
    "period Excel (target 2 s)": (2000, None), "period PDF (target 2 s)": (2000, None),
}


@dataclass
class Target:
    what: str
    bound: str
    measured: str
    met: bool | None  # None: not measured


def _run(label: str, command: list[str], timeout: int) -> str:
    print(f"\n=== {label}: {' '.join(Path(c).name if i < 2 else c for i, c in enumerate(command))}", flush=True)
    started = time.monotonic()
    # a session of its own: when the bound is reached, the part and what it started (its gunicorn) stop together
    part = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        stdout, stderr = part.communicate(timeout=timeout)
        out = stdout + (f"\n(exit {part.returncode})\n{stderr[-2000:]}" if part.returncode else "")
    except subprocess.TimeoutExpired:
        os.killpg(part.pid, signal.SIGTERM)
        stdout, _ = part.communicate()
        out = stdout + f"\n(stopped after {timeout} s)"
    print(out.rstrip(), f"\n({time.monotonic() - started:.0f} s)", flush=True)
    return out


def province_targets(backend: str, out: str) -> list[Target]:
    rows = {m["name"]: m for m in map(ROW.match, out.splitlines()) if m}
    targets = []
    for name, (most, ratio) in PAGE_TARGETS.items():
        row = rows.get(name)
        if row is None:
            targets.append(Target(f"{name} ({backend})", "—", "not measured", None))
            continue
        p95 = float(row["p95"])
        if most is not None:
            targets.append(Target(f"{name} ({backend}) p95", f"≤ {most} ms", f"{p95:.0f} ms", p95 <= most))
        if ratio is not None and row["ratio"] != "-":
            # from the two p95s, not the ratio the part printed: rounded to one decimal, 2.04× would read "2.0×"
            measured = p95 / float(row["r95"])
            targets.append(Target(f"{name} ({backend}) p95 / raw p95", f"≤ {ratio:g}×",
                                  f"{measured:.2f}× (raw {float(row['r95']):.1f} ms)", measured <= ratio))
    return targets


def autosave_targets(profiled: str, closed: str, opened: str) -> list[Target]:
    targets = []
    server = re.search(r"per request, median of \d+: save ([\d.]+) ms, /health ([\d.]+) ms, ratio ([\d.]+)", profiled)
    latency = re.search(r"ratio autosave / trivial: p50 ([\d.]+)×", closed)
    targets.append(Target("autosave server time / /health (in process, profiler)", "≤ 3×",
                          f"{float(server[3]):.1f}× ({float(server[1]):.1f} / {float(server[2]):.1f} ms)" if server
                          else "not measured", float(server[3]) <= 3 if server else None))
    targets.append(Target("autosave p50 / /health p50, 8 clients at saturation", "≤ 3×",
                          f"{float(latency[1]):.1f}×" if latency else "not measured",
                          float(latency[1]) <= 3 if latency else None))
    p99 = re.search(r"POST[^\n]*?\s+\d+\s+[\d.]+\s+([\d.]+)\s+[\d.]+\s*$", opened, re.M)
    targets.append(Target("autosave open loop, 50 tablets, p99", "≤ 50 ms",
                          f"{float(p99[1]):.1f} ms" if p99 else "not measured",
                          float(p99[1]) <= 50 if p99 else None))
    return targets


def minutes_targets(out: str) -> list[Target]:
    row = re.search(r"^typical\s+\d+\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", out, re.M)
    if not row:
        return [Target("cold CLI render of the demo minutes", "≤ 1.5 s", "not measured", None)]
    cold = float(row[1])
    return [Target("cold CLI render of the demo minutes", "≤ 1.5 s", f"{cold:.2f} s", cold <= 1.5),
            Target("warm render of the demo minutes / raw WeasyPrint (for reference)", "—",
                   f"{float(row[2]) / float(row[3]):.2f}×", None)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small province and few requests")
    args = parser.parse_args()
    size = (["--districts", "3", "--communes", "3", "--inspections", "600", "--answers", "5", "--requests", "3",
             "--seconds", "10"] if args.quick else ["--requests", "40", "--seconds", "60"])
    print(f"KTCV benchmarks, {datetime.now():%Y-%m-%d %H:%M}, {platform.node()}, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}")
    print(f"before: {gauge()}", flush=True)
    province = {backend: _run(f"province, {backend}", [PY, "bench/province.py", "--backend", backend, *size], 1800)
                for backend in ("sqlite", "postgresql")}
    profiled = _run("autosave in process", [PY, "bench/autosave_profile.py", "--rounds", "3" if args.quick else "5",
                                            "--saves", "50" if args.quick else "200"], 600)
    closed = _run("autosave, closed loop", [PY, "bench/autosave.py", "--clients", "8",
                                            "--requests", "60" if args.quick else "300"], 900)
    opened = _run("autosave, open loop", [PY, "bench/autosave.py", "--open-loop", "--tablets", "50", "--interval", "2",
                                          "--duration", "10" if args.quick else "40"], 600)
    minutes = _run("minutes", [PY, "bench/minutes.py", "--cold", "2" if args.quick else "5",
                               "--warm", "2" if args.quick else "5"], 900)
    # no target of the issue: the scope every page computes, on the merged city the bench province does not model
    _run("scope on a merged city", [PY, "bench/scope.py", "--rounds", "20" if args.quick else "200"], 120)
    targets = [*province_targets("SQLite", province["sqlite"]),
               *province_targets("PostgreSQL", province["postgresql"]),
               *autosave_targets(profiled, closed, opened), *minutes_targets(minutes)]
    print("\n=== targets")
    width = max(len(t.what) for t in targets) + 2
    for t in targets:
        verdict = "—" if t.met is None else "met" if t.met else "NOT met"
        print(f"{t.what:<{width}}{t.bound:>10}{t.measured:>28}   {verdict}")
    judged = [t for t in targets if t.met is not None]
    print(f"{sum(t.met for t in judged)} of {len(judged)} targets met")
    print(f"after: {gauge()}")


if __name__ == "__main__":
    sys.exit(main())
