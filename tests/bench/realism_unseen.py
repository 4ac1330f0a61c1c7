#!/usr/bin/env python3
"""What real rows that were not learned from score: the ceiling for small tables.

realism_public.py's ceiling draws 1,000 rows from the real rows themselves, so on a small table
it copies the sampling noise of those very rows (36 first names x 30 last names over 200 rows:
every pair seen is a cell of its own). Here each table's rows are split in two halves at random;
the first half is "real". Scored against it with the same report, on the same columns:
- unseen: 1,000 rows drawn from the other half (real rows the model never saw);
- ceiling: 1,000 rows drawn from the first half (as realism_public.py does);
- rowforge: 1,000 offline rows grown from a database holding the first half only.
Three splits (seeds 1-3), means printed.

    python3 tests/bench/realism_unseen.py [BUILD_DIR [TABLE...]]   (default: customers orders cars)
"""
import os
import random
import shutil
import sqlite3
import sys
import tempfile

import realism_public as rp

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
TABLES = sys.argv[2:] or ["customers", "orders", "cars"]
rp.CLI = os.path.abspath(os.path.join(BUILD, "src/cli/rowforge-cli"))


def split_scores(work, name, db, seed):
    con = sqlite3.connect(db)
    keys = rp.key_columns(con, name)
    decls = [(r[1], r[2]) for r in con.execute(f'PRAGMA table_info("{name}")') if r[1] not in keys]
    select = ", ".join(f'"{c}"' for c, _ in decls)
    rows = con.execute(f'SELECT rowid, {select} FROM "{name}"').fetchall()
    con.close()
    pick = random.Random(seed)
    ids = [r[0] for r in rows]
    pick.shuffle(ids)
    learned = set(ids[:len(ids) // 2])
    real = [r[1:] for r in rows if r[0] in learned]
    other = [r[1:] for r in rows if r[0] not in learned]

    grown = os.path.join(work, f"{name}_half_{seed}.sqlite")
    shutil.copy(db, grown)
    con = sqlite3.connect(grown)
    con.executemany(f'DELETE FROM "{name}" WHERE rowid = ?', [(i,) for i in ids[len(ids) // 2:]])
    con.commit()
    last = con.execute(f'SELECT max(rowid) FROM "{name}"').fetchone()[0]
    con.close()
    rp.run(rp.CLI, "generate", "--db", grown, "--table", name, "--provider", "offline",
           "--seed", str(seed), "--rows", str(rp.NEW_ROWS))
    con = sqlite3.connect(grown)
    ours = con.execute(f'SELECT {select} FROM "{name}" WHERE rowid > {last}').fetchall()
    con.close()

    def pairs(new):
        return rp.plain_report(work, name, decls, real, new)["column_pair_trends"]

    return (len(real), pairs([pick.choice(other) for _ in range(rp.NEW_ROWS)]),
            pairs([pick.choice(real) for _ in range(rp.NEW_ROWS)]), pairs(ours))


def main():
    work = tempfile.mkdtemp(prefix="rowforge-unseen-")
    try:
        sources = rp.fetch_sources(work)
        print(f"{'table':<16}{'learned':>8} | {'unseen':>7}{'ceiling':>8}{'rowforge':>9}")
        for dataset in rp.DATASETS:
            if dataset[0] not in TABLES:
                continue
            db = rp.make_table(work, sources, *dataset)
            scores = [split_scores(work, dataset[0], db, seed) for seed in (1, 2, 3)]
            means = [sum(s[i] for s in scores) / len(scores) for i in (1, 2, 3)]
            print(f"{dataset[0]:<16}{scores[0][0]:>8} | {means[0]:7.3f}{means[1]:8.3f}"
                  f"{means[2]:9.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
