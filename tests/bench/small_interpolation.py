#!/usr/bin/env python3
"""What the pair goal asks of the three smallest tables (12, 24 and 44 rows).

Rowforge misses issue #11's pair goal on monarchs, crimea and ohlc (BENCHMARKS.md). This makes
1,000 rows of each the way SMOTE does (Chawla et al., 2002): a real row moved part of the way
towards one of its k nearest real rows (in ranks), numbers and dates interpolated (dates kept on
the 1st of the month where every real one is), categories taken from either row, exact copies
of a real row dropped. It scores them with the same report as realism_public.py, with the
distance of new rows to the closest real row (DCR) against the real rows' own. Not a Rowforge
method: a measurement of what reaching the goal on a table this small costs.

    python3 tests/bench/small_interpolation.py [BUILD_DIR]    (K=5, LO=0, HI=1 by default)
"""
import os
import random
import shutil
import sqlite3
import sys
import tempfile
from datetime import datetime, timezone

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realism_public as rp  # noqa: E402

TABLES = ("monarchs", "crimea", "ohlc")
K = int(os.environ.get("K", "5"))
LO, HI = float(os.environ.get("LO", "0")), float(os.environ.get("HI", "1"))


def interpolated(real):
    columns = list(zip(*real))
    kinds, ranks = [], []
    for column in columns:
        present = [v for v in column if v is not None]
        if all(isinstance(v, (int, float)) for v in present):
            kinds.append(("number", None))
            values = [np.nan if v is None else v for v in column]
        elif present and all(rp.as_date(v) for v in present):
            monthly = all(v.endswith("-01") for v in present)
            kinds.append(("date", (rp.as_date(present[0])[1], monthly)))
            values = [rp.as_date(v)[0] if v is not None else np.nan for v in column]
        else:
            kinds.append(("category", None))
            continue
        ranks.append(np.argsort(np.argsort(np.array(values, float))) / len(real))
    points = np.array(ranks).T
    distance = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(distance, np.inf)
    nearest = np.argsort(distance, axis=1)[:, :K]
    pick, out, taken = random.Random(1), [], set(real)
    while len(out) < rp.NEW_ROWS:
        i = pick.randrange(len(real))
        j = nearest[i][pick.randrange(min(K, len(real) - 1))]
        u = pick.uniform(LO, HI)
        row = []
        for c, (kind, extra) in enumerate(kinds):
            a, b = real[i][c], real[j][c]
            if kind == "category" or a is None or b is None:
                row.append(a if pick.random() > u else b)
            elif kind == "number":
                v = a + u * (b - a)
                row.append(int(round(v)) if isinstance(a, int) and isinstance(b, int) else v)
            else:
                layout, monthly = extra
                t = rp.as_date(a)[0] + u * (rp.as_date(b)[0] - rp.as_date(a)[0])
                moment = datetime.fromtimestamp(t, tz=timezone.utc)
                row.append((moment.replace(day=1) if monthly else moment).strftime(layout))
        if tuple(row) not in taken:
            out.append(tuple(row))
    return out


def main():
    work = tempfile.mkdtemp(prefix="rowforge-small-")
    try:
        sources = rp.fetch_sources(work)
        print(f"{'table':<10}{'pairs':>7}{'ceiling':>9}{'ratio':>7}{'shapes':>8}   dcr / real nn")
        for name in TABLES:
            db = rp.make_table(work, sources, *next(d for d in rp.DATASETS if d[0] == name))
            con = sqlite3.connect(db)
            decls = [(r[1], r[2]) for r in con.execute(f'PRAGMA table_info("{name}")')]
            real = con.execute(f'SELECT * FROM "{name}"').fetchall()
            con.close()
            ours = rp.plain_report(work, name, decls, real, interpolated(real))
            pick = random.Random(1)
            ceiling = rp.plain_report(work, name, decls, real,
                                      [pick.choice(real) for _ in range(rp.NEW_ROWS)])
            pairs, top = ours["column_pair_trends"], ceiling["column_pair_trends"]
            print(f"{name:<10}{pairs:7.3f}{top:9.3f}{pairs / top:7.3f}{ours['column_shapes']:8.3f}"
                  f"   {ours['dcr_median']:.3f} / {ours['real_nn_median']:.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
