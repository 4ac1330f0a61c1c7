#!/usr/bin/env python3
"""Writes a benchmark CSV: ROWS rows x 8 columns (integers, reals, short and long text, ISO
dates, emails, some empty fields). Deterministic. Usage: make_csv.py ROWS OUT.csv"""
import random
import sys

rows, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(42)
words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
         "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo"]
with open(out, "w", newline="") as f:
    f.write("id,amount,city,comment,day,email,score,quantity\n")
    for i in range(1, rows + 1):
        amount = f"{rng.uniform(1, 5000):.2f}"
        city = rng.choice(words).title()
        comment = " ".join(rng.choice(words) for _ in range(rng.randrange(3, 14)))
        if rng.random() < 0.1:
            comment = f'"{comment}, with a comma"'
        day = f"20{rng.randrange(10, 25)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        email = f"{rng.choice(words)}.{rng.choice(words)}{i}@example.com"
        score = "" if rng.random() < 0.05 else f"{rng.random():.6f}"
        qty = "" if rng.random() < 0.05 else str(rng.randrange(0, 1000))
        f.write(f"{i},{amount},{city},{comment},{day},{email},{score},{qty}\n")
