#!/usr/bin/env python3
"""A million offline rows into the demo's `customers` against SQLite's own cost, in one run.

`customers` has a UNIQUE e-mail index and CHECK constraints, so SQLite's per-row work is most
of the time. The anchor is Python's `executemany` inserting the very rows Rowforge made into a
fresh copy of the demo database, with the same 128 MB page cache Rowforge uses (the rows are
read into memory first and not timed). Runs alternate, Rowforge then the anchor, so a machine
whose speed drifts affects both; the medians and the median of the pairwise ratios are printed.

    python3 tests/bench/customers_speed.py [BUILD_DIR [ROWS [PAIRS]]]   (default: build 1000000 3)
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
ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
PAIRS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
CLI = os.path.abspath(os.path.join(BUILD, "src/cli/rowforge-cli"))
COLUMNS = ("first_name, last_name, email, phone, city, country, signup_date, plan, "
           "monthly_spend, company")


def main():
    work = tempfile.mkdtemp(prefix="rowforge-customers-")
    try:
        env = dict(os.environ, HOME=work, XDG_DATA_HOME=os.path.join(work, "data"))
        subprocess.run([CLI, "tables"], env=env, check=True, capture_output=True)
        demo = [os.path.join(r, f) for r, _, fs in os.walk(work) for f in fs
                if f == "rowforge.sqlite"][0]
        con = sqlite3.connect(demo)
        real = con.execute("SELECT max(rowid) FROM customers").fetchone()[0]
        con.close()
        ours, anchor = [], []
        for run in range(PAIRS):
            # Fresh names each run: a WAL file left by the last run must not meet a new copy.
            grown = os.path.join(work, f"grown{run}.sqlite")
            shutil.copy(demo, grown)
            start = time.perf_counter()
            subprocess.run([CLI, "generate", "--db", grown, "--table", "customers", "--provider",
                            "offline", "--seed", str(run + 1), "--rows", str(ROWS)],
                           env=env, check=True, capture_output=True)
            ours.append(time.perf_counter() - start)
            con = sqlite3.connect(grown)
            rows = con.execute(f"SELECT {COLUMNS} FROM customers WHERE rowid > ?",
                               (real,)).fetchall()
            con.close()
            plain = os.path.join(work, f"anchor{run}.sqlite")
            shutil.copy(demo, plain)
            con = sqlite3.connect(plain)
            con.execute("PRAGMA cache_size = -131072")
            start = time.perf_counter()
            con.executemany(f"INSERT INTO customers ({COLUMNS}) VALUES "
                            f"({', '.join('?' * 10)})", rows)
            con.commit()
            anchor.append(time.perf_counter() - start)
            con.close()
            for name in os.listdir(work):  # two copies of a big table per run add up
                if name.startswith((f"grown{run}", f"anchor{run}")):
                    os.remove(os.path.join(work, name))
            print(f"pair {run + 1}: rowforge {ours[-1]:.2f} s, executemany {anchor[-1]:.2f} s",
                  flush=True)
        ratios = [a / b for a, b in zip(ours, anchor)]
        print(f"{ROWS} rows into customers: rowforge {statistics.median(ours):.2f} s (whole run: "
              f"learning, drawing, inserting, report), executemany {statistics.median(anchor):.2f}"
              f" s; ratio {statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
