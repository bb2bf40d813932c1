#!/usr/bin/env python3
"""The peer for `bench/import.sh`: the simplest importer one could write in Python. It reads each file, splits it
into lines and stores every non-blank line as a row in SQLite, in one transaction per file. No format detection,
no structure, no cleaning: a floor for what reading notes into a database costs."""
import hashlib
import os
import sqlite3
import sys

folder, database = sys.argv[1], sys.argv[2]
db = sqlite3.connect(database)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=NORMAL")
db.execute("CREATE TABLE IF NOT EXISTS source (id INTEGER PRIMARY KEY, path TEXT UNIQUE, hash TEXT)")
db.execute("CREATE TABLE IF NOT EXISTS line (source INTEGER, number INTEGER, text TEXT, PRIMARY KEY (source, number))")
for name in sorted(os.listdir(folder)):
    path = os.path.join(folder, name)
    data = open(path, "rb").read()
    text = data.decode("utf-8", errors="replace")
    with db:
        cur = db.execute("INSERT INTO source (path, hash) VALUES (?, ?)", (path, hashlib.sha256(data).hexdigest()))
        source = cur.lastrowid
        db.executemany(
            "INSERT INTO line VALUES (?, ?, ?)",
            ((source, n, line.strip()) for n, line in enumerate(text.split("\n"), 1) if line.strip()),
        )
db.close()
