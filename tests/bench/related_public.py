#!/usr/bin/env python3
"""Issue #15's goals measured on public multi-table data: parents grown with their children.

Each data set is loaded into SQLite with its keys declared, then its parent table is grown
offline (seed 1, or $SEED) by as many rows as it has (at most 1,000) together with its child table
(`rowforge-cli generate --tables PARENT,CHILD`). For every foreign key from the child to the
parent, the children each new parent got are compared with those of the real parents, here
in Python from the database itself (not from Rowforge's own report): the Kolmogorov-Smirnov
complement of the counts and the share of parents without children. The rules across the key
that Rowforge's report mines from the real rows (a child's date after its parent's) are listed
with the share of new children that keep them; `PRAGMA foreign_key_check` must be empty.
Last, Column Pair Trends between each child column and each column of its parent (numbers, and
categories many parents share), over the children joined to their parents: the new ones, the
ceiling (real children drawn again) and real children joined to a parent picked at random
(no relationship at all); reported, not a goal.

Data: vega-datasets 3.2.1 (npm registry): airports and 20,000 flights (origin and destination
are airports), the flare class hierarchy (a parent column pointing at its own table) with its
dependencies, and the characters of Les Misérables with their co-appearances; stocks, with a
table of the symbols and the day each was first quoted (derived from the prices); and
Rowforge's demo customers and orders.

    python3 tests/bench/related_public.py [BUILD_DIR [DATASET...]]   (SEED=N for another seed)
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
ONLY = set(sys.argv[2:])
CLI = os.path.abspath(os.path.join(BUILD, "src/cli/rowforge-cli"))
MAX_NEW_PARENTS = 1000
SEED = os.environ.get("SEED", "1")


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs).stdout


def fetch_vega(work):
    folder = os.path.join(work, "vega")
    os.makedirs(folder)
    tarball = run("npm", "pack", "vega-datasets@3.2.1", "--silent",
                  cwd=folder).strip().splitlines()[-1]
    run("tar", "xzf", tarball, cwd=folder)
    return os.path.join(folder, "package/data")


def load_json(vega, name):
    with open(os.path.join(vega, name), encoding="utf-8") as f:
        return json.load(f)


def create(db, statements, rows):
    con = sqlite3.connect(db)
    for sql in statements:
        con.execute(sql)
    for table, values in rows:
        marks = ",".join("?" * len(values[0]))
        con.executemany(f'INSERT INTO "{table}" VALUES ({marks})', values)
    con.commit()
    con.close()


def airports(work, vega):
    import csv
    with open(os.path.join(vega, "airports.csv"), encoding="utf-8") as f:
        ports = [(r["iata"], r["name"], r["city"], r["state"], r["country"],
                  float(r["latitude"]), float(r["longitude"])) for r in csv.DictReader(f)]
    known = {p[0] for p in ports}
    flights = [(i + 1, f["date"], f["delay"], f["distance"], f["origin"], f["destination"])
               for i, f in enumerate(load_json(vega, "flights-20k.json"))
               if f["origin"] in known and f["destination"] in known]
    db = os.path.join(work, "airports.sqlite")
    create(db, [
        "CREATE TABLE airports (iata TEXT PRIMARY KEY, name TEXT, city TEXT, state TEXT, "
        "country TEXT, latitude REAL, longitude REAL)",
        "CREATE TABLE flights (id INTEGER PRIMARY KEY, date TEXT NOT NULL, delay INTEGER, "
        "distance INTEGER, origin TEXT NOT NULL REFERENCES airports (iata), "
        "destination TEXT NOT NULL REFERENCES airports (iata))"],
        [("airports", ports), ("flights", flights)])
    return db, "airports", "flights"


def flare(work, vega):
    nodes = [(n["id"], n["name"], n.get("parent"), n.get("size"))
             for n in load_json(vega, "flare.json")]
    deps = [(i + 1, d["source"], d["target"])
            for i, d in enumerate(load_json(vega, "flare-dependencies.json"))]
    db = os.path.join(work, "flare.sqlite")
    create(db, [
        "CREATE TABLE nodes (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "parent INTEGER REFERENCES nodes (id), size INTEGER)",
        "CREATE TABLE dependencies (id INTEGER PRIMARY KEY, "
        "source INTEGER NOT NULL REFERENCES nodes (id), "
        "target INTEGER NOT NULL REFERENCES nodes (id))"],
        [("nodes", nodes), ("dependencies", deps)])
    return db, "nodes", "dependencies"


def miserables(work, vega):
    data = load_json(vega, "miserables.json")
    people = [(n["index"] + 1, n["name"], n["group"]) for n in data["nodes"]]
    links = [(i + 1, l["source"] + 1, l["target"] + 1, l["value"])
             for i, l in enumerate(data["links"])]
    db = os.path.join(work, "miserables.sqlite")
    create(db, [
        "CREATE TABLE characters (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "\"group\" INTEGER NOT NULL)",
        "CREATE TABLE scenes (id INTEGER PRIMARY KEY, "
        "source INTEGER NOT NULL REFERENCES characters (id), "
        "target INTEGER NOT NULL REFERENCES characters (id), value INTEGER NOT NULL)"],
        [("characters", people), ("scenes", links)])
    return db, "characters", "scenes"


def stocks(work, vega):
    import csv
    from datetime import datetime
    with open(os.path.join(vega, "stocks.csv"), encoding="utf-8") as f:
        prices = [(r["symbol"], datetime.strptime(r["date"], "%b %d %Y").strftime("%Y-%m-%d"),
                   float(r["price"])) for r in csv.DictReader(f)]
    first = {}
    for symbol, day, _ in prices:
        first[symbol] = min(first.get(symbol, day), day)
    db = os.path.join(work, "stocks.sqlite")
    create(db, [
        "CREATE TABLE symbols (symbol TEXT PRIMARY KEY, first_quoted TEXT NOT NULL)",
        "CREATE TABLE prices (id INTEGER PRIMARY KEY, "
        "symbol TEXT NOT NULL REFERENCES symbols (symbol), date TEXT NOT NULL, "
        "price REAL NOT NULL)"],
        [("symbols", sorted(first.items())),
         ("prices", [(i + 1, *p) for i, p in enumerate(prices)])])
    return db, "symbols", "prices"


def demo(work, vega):
    home = os.path.join(work, "home")
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"))
    run(CLI, "tables", env=env)
    seeded = [os.path.join(r, f) for r, _, fs in os.walk(home) for f in fs
              if f == "rowforge.sqlite"][0]
    db = os.path.join(work, "demo.sqlite")
    shutil.copy(seeded, db)
    return db, "customers", "orders"


DATASETS = [("demo", demo), ("airports", airports), ("flare", flare),
            ("miserables", miserables), ("stocks", stocks)]


def ks_complement(real, new):
    """1 - max |F_real - F_new| over the counts (both sides' values are the steps)."""
    if not real or not new:
        return None
    real, new = sorted(real), sorted(new)
    worst, i, j = 0.0, 0, 0
    for x in sorted(set(real) | set(new)):
        while i < len(real) and real[i] <= x:
            i += 1
        while j < len(new) and new[j] <= x:
            j += 1
        worst = max(worst, abs(i / len(real) - j / len(new)))
    return 1 - worst


def counts(con, parent, key, child, column, parents_where, children_where):
    rows = con.execute(
        f'SELECT (SELECT count(*) FROM "{child}" c WHERE c."{column}" = p."{key}" '
        f'AND {children_where}) FROM "{parent}" p WHERE {parents_where}').fetchall()
    return [r[0] for r in rows]


def kinds(rows, c):
    """numeric (many numbers), categorical (few values) or None, for column c of rows."""
    values = [r[c] for r in rows if r[c] is not None]
    distinct = set(values)
    if values and all(isinstance(v, (int, float)) for v in values) and len(distinct) > 10:
        return "numeric"
    return "categorical" if 0 < len(distinct) <= 50 else None


def pair_score(real, new, a, b, kind_a, kind_b):
    """SDMetrics' CorrelationSimilarity for two numbers, else ContingencySimilarity (numbers
    in bins at the real deciles, NULL a category of its own)."""
    if kind_a == kind_b == "numeric":
        def rho(rows):
            xs = [(r[a], r[b]) for r in rows if r[a] is not None and r[b] is not None]
            if len(xs) < 3:
                return 0.0
            mx = sum(x for x, _ in xs) / len(xs)
            my = sum(y for _, y in xs) / len(xs)
            sxy = sum((x - mx) * (y - my) for x, y in xs)
            sx = sum((x - mx) ** 2 for x, _ in xs) ** 0.5
            sy = sum((y - my) ** 2 for _, y in xs) ** 0.5
            return sxy / (sx * sy) if sx and sy else 0.0
        return 1 - abs(rho(real) - rho(new)) / 2

    def binner(c, kind):
        if kind != "numeric":
            return lambda v: v
        xs = sorted(r[c] for r in real if r[c] is not None)
        edges = [xs[int(len(xs) * q / 10)] for q in range(1, 10)]
        return lambda v: None if v is None else sum(1 for e in edges if v > e)
    ba, bb = binner(a, kind_a), binner(b, kind_b)

    def table(rows):
        counts = {}
        for r in rows:
            key = (ba(r[a]), bb(r[b]))
            counts[key] = counts.get(key, 0) + 1
        return {k: v / len(rows) for k, v in counts.items()}
    p, q = table(real), table(new)
    return 1 - sum(abs(p.get(k, 0) - q.get(k, 0)) for k in set(p) | set(q)) / 2


def cross_pairs(con, parent, key, child, column, last_parent, last_child):
    """Column Pair Trends between the child's columns and its parent's, over the children
    joined to their parents: new children against real ones; the ceiling (real children
    drawn again) and children whose parent is picked at random (no relationship kept)."""
    import random
    keys = {r[1] for r in con.execute(f'PRAGMA table_info("{child}")') if r[5]}
    keys |= {r[3] for r in con.execute(f'PRAGMA foreign_key_list("{child}")')}
    child_cols = [r[1] for r in con.execute(f'PRAGMA table_info("{child}")') if r[1] not in keys]
    parent_keys = {r[1] for r in con.execute(f'PRAGMA table_info("{parent}")') if r[5]}
    parent_keys |= {r[3] for r in con.execute(f'PRAGMA foreign_key_list("{parent}")')}
    # A parent's column that sets parents apart (a name) is an identifier, not a relationship:
    # only columns whose values many parents share, and numbers.
    parents = con.execute(f'SELECT count(*) FROM "{parent}" WHERE rowid <= {last_parent}'
                          ).fetchone()[0]
    parent_cols = []
    for r in con.execute(f'PRAGMA table_info("{parent}")').fetchall():
        if r[1] in parent_keys:
            continue
        distinct, numbers = con.execute(
            f'SELECT count(DISTINCT "{r[1]}"), min(typeof("{r[1]}") IN (\'integer\', \'real\')) '
            f'FROM "{parent}" WHERE rowid <= {last_parent}').fetchone()
        if numbers or distinct * 10 <= parents:
            parent_cols.append(r[1])
    if not child_cols or not parent_cols:
        return None
    select = ", ".join([f'c."{x}"' for x in child_cols] + [f'p."{x}"' for x in parent_cols])
    join = f'FROM "{child}" c JOIN "{parent}" p ON c."{column}" = p."{key}"'
    real = con.execute(f"SELECT {select} {join} WHERE c.rowid <= {last_child}").fetchall()
    new = con.execute(f"SELECT {select} {join} WHERE c.rowid > {last_child}").fetchall()
    if not real or not new:
        return None
    pick = random.Random(1)
    ceiling = [pick.choice(real) for _ in range(len(new))]
    n = len(child_cols)
    shuffled = [r[:n] + pick.choice(real)[n:] for r in (pick.choice(real) for _ in range(len(new)))]
    scores = {"new": [], "ceiling": [], "random parent": []}
    for a in range(n):
        for b in range(n, n + len(parent_cols)):
            ka, kb = kinds(real, a), kinds(real, b)
            if not ka or not kb:
                continue
            for label, rows in (("new", new), ("ceiling", ceiling), ("random parent", shuffled)):
                scores[label].append(pair_score(real, rows, a, b, ka, kb))
    if not scores["new"]:
        return None
    return {k: sum(v) / len(v) for k, v in scores.items()} | {"pairs": len(scores["new"])}


def measure(work, vega, name, make):
    db, parent, child = make(work, vega)
    con = sqlite3.connect(db)
    real_parents = con.execute(f'SELECT count(*), max(rowid) FROM "{parent}"').fetchone()
    last_parent = real_parents[1]
    last_child = con.execute(f'SELECT max(rowid) FROM "{child}"').fetchone()[0]
    real_children = con.execute(f'SELECT count(*) FROM "{child}"').fetchone()[0]
    keys = [(r[3], r[4]) for r in con.execute(f'PRAGMA foreign_key_list("{child}")')
            if r[2] == parent]
    con.close()
    new_parents = min(real_parents[0], MAX_NEW_PARENTS)
    out = run(CLI, "generate", "--db", db, "--tables", f"{parent},{child}", "--rows",
              f"{parent}={new_parents}", "--provider", "offline", "--seed", SEED, "--json")
    results = {r["table"]: r for r in json.loads(out)}
    con = sqlite3.connect(db)
    lines = []
    for column, key in keys:
        key = key or "rowid"
        real = counts(con, parent, key, child, column, f"p.rowid <= {last_parent}",
                      f"c.rowid <= {last_child}")
        new = counts(con, parent, key, child, column, f"p.rowid > {last_parent}",
                     f"c.rowid > {last_child}")
        zeros = (sum(1 for c in real if c == 0) / len(real), sum(1 for c in new if c == 0) /
                 max(1, len(new)))
        lines.append((column, ks_complement(real, new), zeros, sum(real) / len(real),
                      sum(new) / max(1, len(new)),
                      cross_pairs(con, parent, key, child, column, last_parent, last_child)))
    broken_keys = con.execute("SELECT count(*) FROM pragma_foreign_key_check").fetchone()[0]
    added = con.execute(f'SELECT count(*) FROM "{child}" WHERE rowid > {last_child}').fetchone()[0]
    con.close()
    rules = [r for r in results[child]["fidelity"]["rules"] if r["rule"].endswith("_parent")]
    return {"parents": real_parents[0], "children": real_children, "new_parents": new_parents,
            "new_children": added, "keys": lines, "rules": rules, "broken_keys": broken_keys,
            "seconds": sum(r["seconds"] for r in results.values())}


def main():
    work = tempfile.mkdtemp(prefix="rowforge-related-")
    try:
        vega = fetch_vega(work)
        print(f"{'data set':<11}{'parents':>8}{'children':>9}{'new':>6}{'new ch.':>8} | "
              f"{'key':<12}{'KS':>6}{'zero real':>10}{'zero new':>9}{'mean real':>10}"
              f"{'mean new':>9} | {'rules':>5}{'min kept':>9}{'fk errors':>10}{'s':>6}")
        failures = []
        for name, make in DATASETS:
            if ONLY and name not in ONLY:
                continue
            m = measure(work, vega, name, make)
            kept = [r["kept"] for r in m["rules"]]
            for i, (column, ks, zeros, mean_real, mean_new, cross) in enumerate(m["keys"]):
                head = (f"{name:<11}{m['parents']:>8,}{m['children']:>9,}{m['new_parents']:>6,}"
                        f"{m['new_children']:>8,}" if i == 0 else " " * 42)
                tail = (f"{len(kept):>5}{(min(kept) if kept else float('nan')):>9.3f}"
                        f"{m['broken_keys']:>10}{m['seconds']:>6.1f}" if i == 0 else "")
                print(f"{head} | {column:<12}{ks:>6.3f}{zeros[0]:>10.3f}{zeros[1]:>9.3f}"
                      f"{mean_real:>10.2f}{mean_new:>9.2f} | {tail}")
                if cross:
                    print(f"{'':<11}{column}: {cross['pairs']} pairs of a child's column and its "
                          f"parent's: new {cross['new']:.3f}, ceiling {cross['ceiling']:.3f}, "
                          f"random parent {cross['random parent']:.3f}")
                if ks < 0.9:
                    failures.append(f"{name}.{column}: children per parent KS {ks:.3f} < 0.9")
                if abs(zeros[0] - zeros[1]) > 0.05:
                    failures.append(f"{name}.{column}: share without children {zeros[1]:.3f}, "
                                    f"real {zeros[0]:.3f}")
            for rule in m["rules"]:
                print(f"{'':<11}rule kept in {rule['kept']:.3f}: {rule['text']}")
                if rule["kept"] < 0.99:
                    failures.append(f"{name}: {rule['text']} kept in {rule['kept']:.3f}")
            if m["broken_keys"]:
                failures.append(f"{name}: {m['broken_keys']} foreign key errors")
        print("\n" + ("All goals met." if not failures else
                      "Goals missed:\n  " + "\n  ".join(failures)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
