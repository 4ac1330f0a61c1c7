#!/usr/bin/env python3
"""Whether the words of new rows go with the rest of their row, on public tables.

Offline, 1,000 new rows of vega-datasets' cars, airports, movies and zipcodes, seeds 1-3 (means
shown): a car's make is one its origin has in the real rows; its make and model (first two words) go
together in a real car; an airport is named after its own town (its name begins with its
`city`, as 64% of real ones do); the town is one of its state's real towns; a movie's director
is a real director; a town (airports, and zipcodes of the held-out set) is a real one, and one
of its state's. None of these is in the pair scores of realism_public.py: names and towns
have too many values to be categories. Needs the same data as realism_public.py.

    python3 tests/bench/words_public.py [BUILD_DIR]
"""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realism_public as rp  # noqa: E402

SEEDS = (1, 2, 3)


def first_words(text, n):
    return tuple((text or "").split(" ")[:n])


def named_after(name, town):
    # The town alone, or followed by a character that is no letter or digit.
    return bool(name and town and len(town) >= 2 and name.startswith(town) and
                (len(name) == len(town) or not name[len(town)].isalnum()))


def measure(work, sources, seed):
    out = {}
    con, last = rp.grown(work, sources, "cars", seed)
    real = con.execute(f"SELECT Name, Origin FROM cars WHERE rowid <= {last}").fetchall()
    new = con.execute(f"SELECT Name, Origin FROM cars WHERE rowid > {last}").fetchall()
    makes = {(first_words(n, 1), o) for n, o in real}
    models = {first_words(n, 2) for n, _ in real}
    out["cars: make of its origin"] = rp.share(new, lambda r: (first_words(r[0], 1), r[1]) in makes)
    out["cars: make and model of a real car"] = rp.share(new, lambda r: first_words(r[0], 2) in models)
    con, last = rp.grown(work, sources, "airports", seed)
    real = con.execute(f"SELECT name, city, state FROM airports WHERE rowid <= {last}").fetchall()
    new = con.execute(f"SELECT name, city, state FROM airports WHERE rowid > {last}").fetchall()
    towns = {(c, s) for _, c, s in real}
    out["airports: named after its town (real %.2f)" % rp.share(real, lambda r: named_after(*r[:2]))] \
        = rp.share(new, lambda r: named_after(*r[:2]))
    out["airports: a real town"] = rp.share(new, lambda r: r[1] in {c for c, _ in towns})
    out["airports: a town of its state"] = rp.share(new, lambda r: (r[1], r[2]) in towns)
    con, last = rp.grown(work, sources, "zipcodes", seed, rp.HELD_OUT_DATASETS)
    real = con.execute(f"SELECT city, state FROM zipcodes WHERE rowid <= {last}").fetchall()
    new = con.execute(f"SELECT city, state FROM zipcodes WHERE rowid > {last}").fetchall()
    out["zipcodes: a real town"] = rp.share(new, lambda r: r[0] in {c for c, _ in real})
    out["zipcodes: a town of its state"] = rp.share(new, lambda r: tuple(r) in set(real))
    con, last = rp.grown(work, sources, "movies", seed)
    directors = {d for (d,) in con.execute(
        f"SELECT Director FROM movies WHERE rowid <= {last} AND Director IS NOT NULL")}
    new = con.execute(
        f"SELECT Director FROM movies WHERE rowid > {last} AND Director IS NOT NULL").fetchall()
    out["movies: a real director"] = rp.share(new, lambda r: r[0] in directors)
    return out


def main():
    work = tempfile.mkdtemp(prefix="rowforge-words-")
    try:
        sources = rp.fetch_sources(work)
        runs = [measure(work, sources, seed) for seed in SEEDS]
        for key in runs[0]:
            print(f"{key:<48} {sum(r[key] for r in runs) / len(runs):6.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
