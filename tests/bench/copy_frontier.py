#!/usr/bin/env python3
"""How close to the real rows new rows must come to reach a Column Pair Trends score.

On a small table the ceiling (1,000 rows drawn from the real rows) copies their sampling noise,
and the pair score rewards that. This measures the price: 1,000 rows made by taking a real row
and redrawing k of its columns from other real rows (k = 1 .. all; rows equal to a real one are
drawn again), scored with the same report as realism_public.py, next to Rowforge's offline rows.
For each: Column Pair Trends, its share of the ceiling, and the median distance to the closest
real row (DCR) against the real rows' own nearest-neighbour median. A generator that reaches the
pair goal only at a k whose DCR is far below the real rows' is copying people, not modelling them.

    python3 tests/bench/copy_frontier.py [BUILD_DIR [TABLE...]]   (default: customers orders)
"""
import os
import random
import shutil
import sqlite3
import sys
import tempfile

import realism_public as rp

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
TABLES = sys.argv[2:] or ["customers", "orders"]
rp.CLI = os.path.abspath(os.path.join(BUILD, "src/cli/rowforge-cli"))
GOAL = 0.95


def redrawn(real, k, pick):
    """Real rows with k columns each taken from another real row; never a real row whole."""
    seen = set(real)
    rows = []
    while len(rows) < rp.NEW_ROWS:
        row = list(pick.choice(real))
        for c in pick.sample(range(len(row)), k):
            row[c] = pick.choice(real)[c]
        if tuple(row) not in seen:
            rows.append(tuple(row))
    return rows


def frontier(work, sources, dataset):
    name = dataset[0]
    db = rp.make_table(work, sources, *dataset)
    con = sqlite3.connect(db)
    keys = rp.key_columns(con, name)
    decls = [(r[1], r[2]) for r in con.execute(f'PRAGMA table_info("{name}")') if r[1] not in keys]
    select = ", ".join(f'"{c}"' for c, _ in decls)
    last = con.execute(f'SELECT max(rowid) FROM "{name}"').fetchone()[0]
    con.close()
    grown = os.path.join(work, f"{name}_frontier.sqlite")
    shutil.copy(db, grown)
    rp.run(rp.CLI, "generate", "--db", grown, "--table", name, "--provider", "offline", "--seed",
           "1", "--rows", str(rp.NEW_ROWS))
    con = sqlite3.connect(grown)
    real = con.execute(f'SELECT {select} FROM "{name}" WHERE rowid <= {last}').fetchall()
    ours = con.execute(f'SELECT {select} FROM "{name}" WHERE rowid > {last}').fetchall()
    con.close()

    pick = random.Random(1)
    ceiling = rp.plain_report(work, name, decls, real, [pick.choice(real)
                                                        for _ in range(rp.NEW_ROWS)])
    sets = [(f"k={k}", redrawn(real, k, pick)) for k in range(1, len(decls) + 1)]
    sets.append(("rowforge", ours))
    print(f"\n{name}: {len(real)} real rows, {len(decls)} columns; ceiling "
          f"{ceiling['column_pair_trends']:.3f}, goal {GOAL * ceiling['column_pair_trends']:.3f}")
    print(f"{'rows':<10}{'pairs':>7}{'/ceil':>7}{'dcr':>7}{'nn':>7}")
    for label, rows in sets:
        r = rp.plain_report(work, name, decls, real, rows)
        print(f"{label:<10}{r['column_pair_trends']:7.3f}"
              f"{r['column_pair_trends'] / ceiling['column_pair_trends']:7.3f}"
              f"{r['dcr_median']:7.3f}{r['real_nn_median']:7.3f}")


def main():
    work = tempfile.mkdtemp(prefix="rowforge-frontier-")
    try:
        chosen = [d for d in rp.DATASETS if d[0] in TABLES]
        sources = rp.fetch_sources(work) if any(d[1] != "demo" for d in chosen) else {}
        for dataset in chosen:
            frontier(work, sources, dataset)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
