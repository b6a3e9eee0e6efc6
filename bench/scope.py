"""A user's unit scope on a merged city, beside the one walk down the tree it needs.

Every authenticated page computes the acting user's scope (:func:`audit.domain.authorities.readable`). Since
01/07/2025 a city's chairman reads, as history, every unit its communes succeed: the old districts' communes and
their desks. This builds such a tree in memory (no database: the rule alone) — two former provinces with their
districts, communes and desks, and a city whose new communes each succeed three or four old ones — and times the
scope of the city (reading history) and of one new commune, interleaved with a plain walk over the same number of
units (``below`` from one root: the least any scope can cost). Also who among the unit users is told about one
unit (:func:`lies_within`, as :func:`audit.services.notify.unit_users_for` asks it).

    .venv/bin/python bench/scope.py --rounds 200
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audit.domain.authorities import Authority, readable  # noqa: E402
from audit.domain.units import below, children_of, lies_within  # noqa: E402
from bench.common import timed  # noqa: E402


def merged_city(old_districts: int = 26, old_communes: int = 297, new_communes: int = 93):
    """(parent of each unit, predecessors of each new commune and centre, the city's unit, one new commune)."""
    parent_of: dict[int, int | None] = {1: None, 2: None, 3: None}  # two former provinces, the city
    next_id = 4
    districts = []
    for d in range(old_districts):
        parent_of[next_id] = 1 if d < old_districts * 2 // 3 else 2
        districts.append(next_id)
        next_id += 1
    old = []  # (commune, its desk)
    for c in range(old_communes):
        commune, desk = next_id, next_id + 1
        parent_of[commune], parent_of[desk] = districts[c % old_districts], commune
        old.append((commune, desk))
        next_id += 2
    predecessors: dict[int, list[int]] = {}
    first_new = next_id
    share = old_communes / new_communes
    for n in range(new_communes):
        commune, centre = next_id, next_id + 1
        parent_of[commune], parent_of[centre] = 3, commune
        succeeded = old[round(n * share):round((n + 1) * share)]
        predecessors[commune] = [c for c, _ in succeeded]
        predecessors[centre] = [d for _, d in succeeded]
        next_id += 2
    return parent_of, predecessors, 3, first_new


def main(argv: list[str] | None = None) -> list:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args(argv)
    parent_of, predecessors, city_unit, commune_unit = merged_city()
    city = Authority(1, "DN", "UBND thành phố", city_unit, None, None, reads_predecessors=True)
    commune = Authority(2, "DN-X", "UBND xã", commune_unit, None, None)
    reach = readable(city, parent_of, predecessors)
    roots = [None]  # the raw work: one walk down from the roots, every unit once
    rows = []
    for name, fn in (("city chairman, reading history", lambda: readable(city, parent_of, predecessors)),
                     ("commune chairman", lambda: readable(commune, parent_of, predecessors)),
                     ("unit users told about one desk (300 users)",
                      lambda: [u for u in list(parent_of)[-300:] if lies_within(commune_unit + 1, u, parent_of)])):
        ours, raw = [], []
        for _ in range(args.rounds):  # interleaved: both see the same noise
            ours += timed(fn, 1, 60)
            raw += timed(lambda: [below(r, children_of(parent_of)) for r in roots], 1, 60)
        rows.append((name, statistics.median(ours), statistics.median(raw)))
    print(f"scope benchmark: {len(parent_of)} units, the city reads {len(reach)}; median of {args.rounds} rounds")
    print(f"{'scope':<44}{'ms':>8}{'one walk ms':>13}{'ratio':>8}")
    for name, ms, walk in rows:
        print(f"{name:<44}{ms:>8.2f}{walk:>13.2f}{ms / walk:>8.1f}")
    return rows


if __name__ == "__main__":
    main()
