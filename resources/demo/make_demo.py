#!/usr/bin/env python3
"""Writes demo.json: the demo tables Rowforge seeds its default database with.

Deterministic (fixed seed), so the shipped resource only changes when this script does.
Run from this folder: python3 make_demo.py
"""
import datetime as dt
import json
import random

rng = random.Random(20261124)

FIRST = ["Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Ava", "Elijah", "Sophia",
         "Lucas", "Mia", "Mateo", "Isabella", "Levi", "Charlotte", "Sebastian", "Harper",
         "Yuki", "Aarav", "Chloé", "Søren", "Zoë", "Björn", "Priya", "Kofi", "Mei", "Diego",
         "Fatima", "Hannah", "Jonas", "Lea", "Marco", "Nora", "Omar", "Paula", "Rafael"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Martinez", "Lopez", "Müller", "Schmidt", "Dubois", "Rossi", "Tanaka", "Kim",
        "Nguyen", "Patel", "O'Brien", "Kowalski", "Andersson", "Silva", "Novak", "Haddad",
        "Okafor", "van Dijk", "García", "Fischer", "Moreau", "Bianchi"]
PLACES = [  # city, country, phone prefix, weight
    ("New York", "United States", "+1 212", 9), ("Chicago", "United States", "+1 312", 6),
    ("San Francisco", "United States", "+1 415", 6), ("Austin", "United States", "+1 512", 4),
    ("Toronto", "Canada", "+1 416", 5), ("Vancouver", "Canada", "+1 604", 3),
    ("London", "United Kingdom", "+44 20", 8), ("Manchester", "United Kingdom", "+44 161", 3),
    ("Berlin", "Germany", "+49 30", 6), ("Munich", "Germany", "+49 89", 3),
    ("Paris", "France", "+33 1", 5), ("Lyon", "France", "+33 4", 2),
    ("Madrid", "Spain", "+34 91", 3), ("Amsterdam", "Netherlands", "+31 20", 3),
    ("Stockholm", "Sweden", "+46 8", 2), ("Tokyo", "Japan", "+81 3", 4),
    ("Sydney", "Australia", "+61 2", 3), ("São Paulo", "Brazil", "+55 11", 3),
]
DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com", "fastmail.com"]
COMPANIES = ["Acme Corp", "Globex", "Initech", "Umbrella Analytics", "Stark Industries",
             "Wayne Enterprises", "Hooli", "Pied Piper", "Vandelay Imports", "Soylent Labs",
             "Cyberdyne Systems", "Tyrell Corp", "Aperture Science", "Black Mesa"]
PLANS = [("free", (0, 0), 45), ("basic", (9, 19), 30), ("pro", (29, 99), 18),
         ("enterprise", (250, 1200), 7)]
STATUSES = [("delivered", 55), ("shipped", 15), ("paid", 12), ("pending", 8),
            ("cancelled", 6), ("refunded", 4)]


def weighted(items):
    return rng.choices(items, weights=[i[-1] for i in items])[0]


def ascii_slug(text):
    table = str.maketrans("éøöüöëç'", "eoouoec ")
    return "".join(ch for ch in text.lower().translate(table) if ch.isalnum())


def customers(count=200):
    rows, emails = [], set()
    start = dt.date(2021, 1, 1)
    for cid in range(1, count + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        city, country, prefix, _ = weighted(PLACES)
        while True:
            style = rng.randrange(3)
            local = [f"{ascii_slug(first)}.{ascii_slug(last)}",
                     f"{ascii_slug(first)[0]}{ascii_slug(last)}",
                     f"{ascii_slug(first)}{rng.randrange(10, 99)}"][style]
            email = f"{local}@{rng.choice(DOMAINS)}"
            if email not in emails:
                emails.add(email)
                break
        phone = None if rng.random() < 0.12 else \
            f"{prefix} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
        signup = start + dt.timedelta(days=rng.randrange(0, 1400))
        plan, (low, high), _ = weighted(PLANS)
        spend = 0.0 if high == 0 else round(rng.uniform(low, high), 2)
        company = rng.choice(COMPANIES) if plan in ("pro", "enterprise") or rng.random() < 0.2 \
            else None
        rows.append([cid, first, last, email, phone, city, country, signup.isoformat(), plan,
                     spend, company])
    return rows


def orders(customer_rows, count=600):
    rows = []
    for oid in range(1, count + 1):
        customer = rng.choice(customer_rows)
        signup = dt.date.fromisoformat(customer[7])
        ordered = dt.datetime.combine(signup, dt.time()) + dt.timedelta(
            days=rng.randrange(0, 300), seconds=rng.randrange(8 * 3600, 22 * 3600))
        status, _ = weighted(STATUSES)
        items = rng.choices([1, 2, 3, 4, 5], weights=[45, 25, 15, 10, 5])[0]
        amount = round(items * rng.uniform(8, 140), 2)
        shipped = None
        if status in ("shipped", "delivered", "refunded"):
            shipped = (ordered + dt.timedelta(hours=rng.randrange(12, 96))).isoformat(sep=" ")
        rows.append([oid, customer[0], ordered.isoformat(sep=" "), status, items, amount,
                     rng.choices(["USD", "EUR", "GBP"], weights=[6, 3, 1])[0], shipped])
    return rows


def main():
    customer_rows = customers()
    order_rows = orders(customer_rows)
    demo = {"tables": [
        {
            "name": "customers",
            "create": """CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    phone TEXT,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    signup_date TEXT NOT NULL,
    plan TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'basic', 'pro', 'enterprise')),
    monthly_spend REAL NOT NULL DEFAULT 0 CHECK (monthly_spend >= 0),
    company TEXT
)""",
            "columns": ["id", "first_name", "last_name", "email", "phone", "city", "country",
                        "signup_date", "plan", "monthly_spend", "company"],
            "rows": customer_rows,
        },
        {
            "name": "orders",
            "create": """CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    ordered_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'delivered',
                                           'cancelled', 'refunded')),
    items INTEGER NOT NULL CHECK (items > 0),
    amount REAL NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL DEFAULT 'USD',
    shipped_at TEXT,
    CHECK (shipped_at IS NULL OR shipped_at >= ordered_at)
)""",
            "indexes": ["CREATE INDEX orders_customer ON orders (customer_id)"],
            "columns": ["id", "customer_id", "ordered_at", "status", "items", "amount",
                        "currency", "shipped_at"],
            "rows": order_rows,
        },
        {
            "name": "customer_revenue",
            "create": """CREATE VIEW customer_revenue AS
SELECT c.id AS customer_id, c.first_name || ' ' || c.last_name AS name, c.country,
       count(o.id) AS orders, round(coalesce(sum(o.amount), 0), 2) AS revenue
FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.status NOT IN ('cancelled', 'refunded')
GROUP BY c.id""",
            "columns": [],
            "rows": [],
        },
    ]}
    with open("demo.json", "w", encoding="utf-8") as out:
        json.dump(demo, out, ensure_ascii=False, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
