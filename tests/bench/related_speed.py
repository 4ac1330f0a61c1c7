#!/usr/bin/env python3
"""Issue #15's speed goal: 100,000 new customers with their orders (about 300,000 rows) in
under 5 s, on the demo schema, offline.

Each run starts from a fresh copy of the demo database and times the whole
`rowforge-cli generate --tables customers,orders --rows customers=100000` process (learning,
generating, inserting in one transaction, the commit and both fidelity reports). The anchor,
measured in the same run on the same machine: Python's sqlite3 inserting the very rows that
run made (copied out beforehand) into a fresh copy with `executemany`, foreign keys on, in one
transaction: what SQLite alone needs for those rows under this schema (its CHECKs, the UNIQUE
e-mail index, the orders' index and foreign key). Runs alternate; medians are printed.

    python3 tests/bench/related_speed.py [BUILD_DIR [PARENTS [RUNS]]]
"""
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
PARENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
CLI = os.path.abspath(os.path.join(BUILD, "src/cli/rowforge-cli"))


def demo_database(work):
    home = os.path.join(work, "home")
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"))
    subprocess.run([CLI, "tables"], env=env, check=True, capture_output=True)
    return env, [os.path.join(r, f) for r, _, fs in os.walk(home) for f in fs
                 if f == "rowforge.sqlite"][0]


def rows_after(db, table, last):
    con = sqlite3.connect(db)
    rows = con.execute(f'SELECT * FROM "{table}" WHERE rowid > ? ORDER BY rowid',
                       (last,)).fetchall()
    con.close()
    return rows


def main():
    work = tempfile.mkdtemp(prefix="rowforge-related-speed-")
    try:
        env, seed = demo_database(work)
        ours, anchor, added = [], [], 0
        for run in range(RUNS):
            db = os.path.join(work, f"run{run}.sqlite")
            shutil.copy(seed, db)
            start = time.perf_counter()
            subprocess.run([CLI, "generate", "--db", db, "--tables", "customers,orders",
                            "--rows", f"customers={PARENTS}", "--provider", "offline",
                            "--seed", str(run + 1)], env=env, check=True, capture_output=True)
            ours.append(time.perf_counter() - start)
            customers = rows_after(db, "customers", 200)
            orders = rows_after(db, "orders", 600)
            added = len(customers) + len(orders)

            copy = os.path.join(work, f"anchor{run}.sqlite")
            shutil.copy(seed, copy)
            start = time.perf_counter()
            con = sqlite3.connect(copy, isolation_level=None)
            con.execute("PRAGMA foreign_keys = ON")
            con.execute("BEGIN")
            con.executemany(f"INSERT INTO customers VALUES ({','.join('?' * 11)})", customers)
            con.executemany(f"INSERT INTO orders VALUES ({','.join('?' * 8)})", orders)
            con.execute("COMMIT")
            con.close()
            anchor.append(time.perf_counter() - start)
            print(f"run {run + 1}: {added:,} rows; rowforge-cli {ours[-1]:.2f} s, "
                  f"executemany of the same rows {anchor[-1]:.2f} s", flush=True)
        a, b = statistics.median(ours), statistics.median(anchor)
        print(f"\n{PARENTS:,} customers with their orders ({added:,} rows), medians of {RUNS}: "
              f"rowforge-cli {a:.2f} s, executemany {b:.2f} s, ratio {a / b:.2f}")
        print("Goal under 5 s: " + ("met" if a < 5 else "missed"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
