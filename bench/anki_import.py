#!/usr/bin/env python3
"""Times importing one large Anki package into Anki itself (the `anki` library, into a fresh collection) and
into Revise (`revise import`, into a fresh database), in one run, and prints the ratio.

The package is made with the real Anki library: NOTES notes (Basic, Basic (and reversed card) and Cloze, in a
deck with subdecks, with tags), and a review log of REVIEWS entries written straight into the collection's
revlog, exported in the current layout (collection.anki21b, zstd) and the older one (collection.anki21).

Usage: bench/anki_import.py --revise .build/release/revise [--notes 20000] [--reviews 100000] [--runs 3]
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time

from anki.collection import (Collection, ExportAnkiPackageOptions, ImportAnkiPackageOptions,
                             ImportAnkiPackageRequest)


def make_package(folder, notes, reviews, legacy):
    col = Collection(os.path.join(folder, f"source-{legacy}.anki2"))
    try:
        rng = random.Random(11)
        decks = [col.decks.id(f"Bench::Topic {n}") for n in range(20)]
        kinds = [col.models.by_name("Basic"), col.models.by_name("Basic (and reversed card)"), col.models.by_name("Cloze")]
        for n in range(notes):
            model = kinds[n % 3]
            note = col.new_note(model)
            if model["type"] == 1:
                note.fields[0] = f"In {{{{c1::{1900 + n % 100}}}}} event number {n} happened in {{{{c2::place {n}}}}}"
            else:
                note.fields[0] = f"Question number {n} about <b>topic</b> {n % 97}?"
                note.fields[1] = f"Answer {n}, with some words to read: {' '.join(str(rng.random())[:5] for _ in range(6))}"
            note.tags = [f"tag{n % 13}", "bench"]
            col.add_note(note, decks[n % len(decks)])
        cids = col.db.list("select id from cards")
        start = 1_700_000_000_000
        rows = []
        for k in range(reviews):
            rows.append((start + k * 1000, rng.choice(cids), -1, rng.choice([1, 2, 3, 3, 3, 4]), 1, 0, 2500, 6000, 1))
        col.db.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", rows)
        path = os.path.join(folder, f"bench-{'legacy' if legacy else 'latest'}.apkg")
        col.export_anki_package(out_path=path, options=ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=False, with_media=False, legacy=legacy), limit=None)
        return path, len(cids)
    finally:
        col.close()


def time_anki(package, folder):
    target = os.path.join(folder, f"anki-{time.time_ns()}.anki2")
    col = Collection(target)
    try:
        began = time.perf_counter()
        col.import_anki_package(ImportAnkiPackageRequest(
            package_path=package,
            options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False, merge_notetypes=True)))
        return time.perf_counter() - began
    finally:
        col.close()


def time_revise(revise, package, folder):
    db = os.path.join(folder, f"revise-{time.time_ns()}.sqlite")
    began = time.perf_counter()
    subprocess.run([revise, "import", package, "--db", db], check=True, capture_output=True)
    return time.perf_counter() - began


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--revise", required=True)
    parser.add_argument("--notes", type=int, default=20000)
    parser.add_argument("--reviews", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="revise-anki-bench-")
    try:
        for legacy in (False, True):
            package, cards = make_package(folder, args.notes, args.reviews, legacy)
            size = os.path.getsize(package) / 1e6
            anki = [time_anki(package, folder) for _ in range(args.runs)]
            revise = [time_revise(args.revise, package, folder) for _ in range(args.runs)]
            a, r = statistics.median(anki), statistics.median(revise)
            layout = "collection.anki21" if legacy else "collection.anki21b"
            print(f"{layout}: {args.notes} notes, {cards} cards, {args.reviews} reviews, {size:.1f} MB package")
            print(f"  Anki   import: median {a:.2f} s of {args.runs} ({', '.join(f'{x:.2f}' for x in anki)})")
            print(f"  Revise import: median {r:.2f} s of {args.runs} ({', '.join(f'{x:.2f}' for x in revise)})")
            print(f"  Revise takes {r / a:.2f}× Anki's time")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
