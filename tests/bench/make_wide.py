#!/usr/bin/env python3
"""A wide table for the width benchmark: make_wide.py FILE COLUMNS [ROWS [categories]].

Columns c0..c{N-1}, a third each INTEGER (0-100), REAL (0-10) and few-valued TEXT, plus an
INTEGER PRIMARY KEY; 200 rows by default; seeded, so every run makes the same table. With
`categories`, every column is an INTEGER of 40 values (codes, answers), each a category to the
engine: the case where every column is a candidate parent of every other.
"""
import random
import sqlite3
import sys

path, columns = sys.argv[1], int(sys.argv[2])
rows = int(sys.argv[3]) if len(sys.argv) > 3 else 200
categories = len(sys.argv) > 4 and sys.argv[4] == "categories"
random.seed(1)
kinds = ["INTEGER", "REAL", "TEXT"]
db = sqlite3.connect(path)
db.execute("DROP TABLE IF EXISTS w")
db.execute("CREATE TABLE w (id INTEGER PRIMARY KEY, "
           + ", ".join(f"c{i} {'INTEGER' if categories else kinds[i % 3]}" for i in range(columns))
           + ")")


def value(i):
    if categories:
        return random.randint(1, 40)
    if i % 3 == 0:
        return random.randint(0, 100)
    if i % 3 == 1:
        return random.random() * 10
    return random.choice(["a", "b", "c", "dd"])


db.executemany("INSERT INTO w (" + ", ".join(f"c{i}" for i in range(columns)) + ") VALUES ("
               + ", ".join("?" * columns) + ")",
               [[value(i) for i in range(columns)] for _ in range(rows)])
db.commit()
