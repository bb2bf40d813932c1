"""Opens packages written by `revise export --format apkg` in the real Anki library (the `anki` package from
PyPI): imports each into a fresh collection and checks the note and card counts, the decks, the tags, the note
types, the review log, and that every card's question and answer render without an error.
Usage: python apkg_test.py --revise PATH/TO/revise --notes FOLDER [FOLDER...]
"""

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from revise_cli import Failure, check, run


def import_package(path, tmp, with_history):
    col = Collection(os.path.join(tmp, f"fresh-{with_history}.anki2"))
    request = ImportAnkiPackageRequest(
        package_path=path,
        options=ImportAnkiPackageOptions(with_scheduling=with_history, with_deck_configs=False, merge_notetypes=True))
    col.import_anki_package(request)
    return col


def check_package(revise, db, tmp, with_history):
    path = os.path.join(tmp, f"cards-{with_history}.apkg")
    args = ["export", "--format", "apkg", "--out", path, "--db", db] + (["--with-history"] if with_history else [])
    said = run(revise, *args)
    cards = json.loads(run(revise, "cards", "--json", "--db", db))["cards"]
    # A term's two reverse cards are one note that Anki asks both ways: every Revise card is one Anki card.
    import re
    match = re.search(r"(\d+) notes, (\d+) cards", said)
    check(match, f"revise export did not say what it wrote: {said!r}")
    expected_notes, expected_cards = int(match.group(1)), int(match.group(2))
    check(expected_cards == len(cards), f"{expected_cards} Anki cards written for {len(cards)} Revise cards")
    check(expected_notes < expected_cards, "no term was exported as one note asked both ways")
    col = import_package(path, tmp, with_history)
    try:
        notes = col.find_notes("")
        card_ids = col.find_cards("")
        check(len(notes) == expected_notes, f"{len(notes)} notes in Anki, {expected_notes} cards exported")
        check(len(card_ids) == expected_cards, f"{len(card_ids)} cards in Anki, expected {expected_cards}")
        decks = [d.name for d in col.decks.all_names_and_ids()]
        check(any(d.startswith("Revise::") for d in decks), f"no Revise deck: {decks}")
        subdecks = [d for d in decks if d.count("::") >= 2]
        check(subdecks, f"no subdeck per topic: {decks}")
        tags = col.tags.all()
        check(len(tags) >= 5, f"too few tags: {tags}")
        types = {m["name"] for m in col.models.all()}
        for name in ["Revise Basic", "Revise Basic (and reversed card)", "Revise Cloze"]:
            check(name in types, f"note type {name} missing: {types}")
        sources = 0
        for cid in card_ids:
            card = col.get_card(cid)
            question = card.question()
            answer = card.answer()
            check(question.strip() and answer.strip(), f"card {cid} renders empty")
            for problem in ["front of this card is blank", "unknown field", "{{", "}}", "please edit this note"]:
                check(problem not in question.lower() and problem not in answer.lower(),
                      f"card {cid} does not render: {problem!r} in {question[-300:]!r}")
            if ".txt:" in answer or ".md:" in answer or "course:" in answer:
                sources += 1
        check(sources >= len(card_ids) * 0.9, f"only {sources} of {len(card_ids)} answers show their source")
        clozes = col.find_cards('note:"Revise Cloze"')
        check(clozes, "no cloze cards")
        check("[...]" in col.get_card(clozes[0]).question(), "a cloze's question does not hide its answer")
        revlog = col.db.scalar("select count() from revlog")
        if with_history:
            check(revlog >= 5, f"only {revlog} reviews came across")
            review_cards = col.db.scalar("select count() from cards where type = 2")
            check(review_cards >= 1, "no card kept its review state")
        print(f"  {os.path.basename(path)}: {said.strip()} -> Anki has {len(notes)} notes, {len(card_ids)} cards, "
              f"{len(decks)} decks, {len(tags)} tags, {revlog} reviews; every card renders")
    finally:
        col.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--revise", required=True)
    parser.add_argument("--notes", nargs="+", required=True)
    args = parser.parse_args()
    revise = os.path.abspath(args.revise)
    tmp = tempfile.mkdtemp(prefix="revise-anki-")
    failures = 0
    try:
        db = os.path.join(tmp, "revise.sqlite")
        for folder in args.notes:
            if os.path.isdir(folder):
                run(revise, "import", folder, "--db", db)
        cards = json.loads(run(revise, "cards", "--json", "--db", db))["cards"]
        # Some reviews, so the history has something to carry.
        for card in cards[:6]:
            run(revise, "review", card["id"], "good", "--db", db)
            run(revise, "review", card["id"], "good", "--at", "2030-01-01T10:00:00Z", "--db", db)
        for with_history in (False, True):
            try:
                check_package(revise, db, tmp, with_history)
            except Failure as failure:
                failures += 1
                print(f"FAIL apkg (with history: {with_history}): {failure}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"anki tests: {'FAILED' if failures else 'passed'} ({failures} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
