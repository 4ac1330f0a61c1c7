#!/usr/bin/env python3
"""Whether new rows keep what ties a row's columns together beyond pairs, on held-out tables.

Offline, 1,000 new rows of four vega-datasets tables first measured on 2026-12-03 (the
held-out set of realism_public.py), seeds 1-3 (means shown): a football match between two
different teams; a flight on a route flown before as long as that route; a flight's date a
valid date in its column's layout ("2001/01/14 21:55"); a forecast year from one before to ten
after its budget year, as in every real row; a ZIP code whose first three digits are its
state's. None of these is in the pair scores: teams, routes and ZIP codes have too many values,
and a pair of years says nothing of the gap between them. Needs the same data as
realism_public.py.

And the hours of the day, which no score sees either (a column's shape compares moments over
months): flights' hours of departure (1 minus the total variation distance between the new
and the real rows' hours, beside the same for 1,000 real rows drawn with replacement), and
the demo's orders placed in the shop's hours (08:00-21:59, as every real order is) and
shipped 12 to 96 hours after they were placed, and whole hours after (as every real shipment is).

And amounts per item: the demo's orders whose amount per item lies within the real orders'
range, and cars whose displacement, horsepower and weight per cylinder do (the least of the
three shares).

    python3 tests/bench/relations_public.py [BUILD_DIR]
"""
import os
import random
import shutil
import sys
import tempfile
from collections import Counter
from datetime import datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realism_public as rp  # noqa: E402

SEEDS = (1, 2, 3)


def valid(text, layout):
    try:
        datetime.strptime(text, layout)
        return True
    except (TypeError, ValueError):
        return False


def tvd(a, b):
    """Total variation distance between the shares of the values in a and in b."""
    ca, cb = Counter(a), Counter(b)
    return sum(abs(ca[k] / len(a) - cb[k] / len(b)) for k in set(ca) | set(cb)) / 2


def per_item(con, last, table, amount, count):
    """The share of new rows whose amount per count lies within the real rows' range."""
    ratio = f'1.0 * "{amount}" / "{count}"'
    low, high = con.execute(f'SELECT min({ratio}), max({ratio}) FROM "{table}" '
                            f"WHERE rowid <= {last}").fetchone()
    new = [r for (r,) in con.execute(f'SELECT {ratio} FROM "{table}" WHERE rowid > {last}')
           if r is not None]
    return rp.share(new, lambda r: low - 1e-9 <= r <= high + 1e-9)


def measure(work, sources, seed):
    out = {}
    con, last = rp.grown(work, sources, "football", seed, rp.HELD_OUT_DATASETS)
    new = con.execute(f"SELECT home_team, away_team FROM football WHERE rowid > {last}").fetchall()
    out["football: two different teams"] = rp.share(new, lambda r: r[0] != r[1])
    con, last = rp.grown(work, sources, "flights_10k", seed, rp.HELD_OUT_DATASETS)
    real = con.execute(f"SELECT origin, destination, distance FROM flights_10k "
                       f"WHERE rowid <= {last}").fetchall()
    new = con.execute(f"SELECT origin, destination, distance, date FROM flights_10k "
                      f"WHERE rowid > {last}").fetchall()
    length = {(o, d): km for o, d, km in real}
    flown = [r for r in new if (r[0], r[1]) in length]
    out["flights: a known route's own distance"] = rp.share(flown, lambda r: length[r[:2]] == r[2])
    out["flights: a valid date"] = rp.share(new, lambda r: valid(r[3], "%Y/%m/%d %H:%M"))
    real_hours, new_hours = ([h for (h,) in con.execute(
        f"SELECT substr(date, 12, 2) FROM flights_10k WHERE rowid {side}")]
        for side in (f"<= {last}", f"> {last}"))
    out["flights: hours of departure (1 - TVD)"] = 1 - tvd(real_hours, new_hours)
    out["  the same of 1,000 real flights drawn again"] = 1 - tvd(
        real_hours, random.Random(seed).choices(real_hours, k=len(new_hours)))
    con, last = rp.grown(work, sources, "orders", seed)
    new = con.execute(f"SELECT substr(ordered_at, 12, 2), unixepoch(shipped_at) - "
                      f"unixepoch(ordered_at) FROM orders WHERE rowid > {last}").fetchall()
    out["orders (demo): placed 08:00-21:59"] = rp.share(new, lambda r: "08" <= r[0] <= "21")
    shipped = [r for r in new if r[1] is not None]
    out["orders (demo): shipped 12-96 hours after"] = rp.share(
        shipped, lambda r: 12 * 3600 <= r[1] <= 96 * 3600)
    out["orders (demo): shipped whole hours after"] = rp.share(shipped, lambda r: r[1] % 3600 == 0)
    out["orders (demo): amount per item within the real range"] = per_item(
        con, last, "orders", "amount", "items")
    con, last = rp.grown(work, sources, "cars", seed)
    per_cylinder = [per_item(con, last, "cars", c, "Cylinders")
                    for c in ("Displacement", "Horsepower", "Weight_in_lbs")]
    out["cars: displacement, power, weight per cylinder"] = min(per_cylinder)
    con, last = rp.grown(work, sources, "budgets", seed, rp.HELD_OUT_DATASETS)
    new = con.execute(f'SELECT "forecastYear" - "budgetYear" FROM budgets '
                      f"WHERE rowid > {last}").fetchall()
    out["budgets: forecast -1 to +10 years on"] = rp.share(new, lambda r: -1 <= r[0] <= 10)
    con, last = rp.grown(work, sources, "zipcodes", seed, rp.HELD_OUT_DATASETS)
    heads = {(z[:3], s) for z, s in con.execute(
        f"SELECT zip_code, state FROM zipcodes WHERE rowid <= {last}")}
    new = con.execute(f"SELECT zip_code, state FROM zipcodes WHERE rowid > {last}").fetchall()
    out["zipcodes: first three digits of its state's"] = rp.share(
        new, lambda r: (str(r[0])[:3], r[1]) in heads)
    return out


def main():
    work = tempfile.mkdtemp(prefix="rowforge-relations-")
    try:
        sources = rp.fetch_sources(work)
        runs = [measure(work, sources, seed) for seed in SEEDS]
        for key in runs[0]:
            print(f"{key:<54} {sum(r[key] for r in runs) / len(runs):6.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
