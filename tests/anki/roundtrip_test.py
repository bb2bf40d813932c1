"""Revise and Anki, both ways, with the real Anki library (the `anki` package from PyPI):

1. Decks made by `genanki` and by Anki itself (the older `collection.anki21` layout and the newer zstd
   `collection.anki21b` one, made by make_decks.py) are imported with `revise import`: every note's cards, decks as
   topics, tags, media files and the review log (with each card's memory state worked out again by Revise's FSRS).
2. Round trip: notes are imported, some cards are reviewed in Revise, the cards are exported with their history,
   and the package is imported into a fresh database: the same cards (ids, kinds, sides, topics) with the same
   ratings at the same times.
3. The same package goes through Anki: imported into a fresh Anki collection, a card is reviewed there, and Anki
   exports it again (both layouts). Imported back into the first database, the cards are the same ones (nothing
   doubled) and the review given in Anki is added to the card's history.

Usage: python roundtrip_test.py --revise PATH/TO/revise --notes FOLDER --fixtures DIR
"""

import argparse
import json
import os
import shutil
import sys
import tempfile

from anki.collection import Collection, ExportAnkiPackageOptions, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.scheduler.v3 import CardAnswer

from revise_cli import Failure, check, run


def cards_of(revise, db):
    return json.loads(run(revise, "cards", "--json", "--db", db))["cards"]


def history_of(revise, db, card_id):
    card = json.loads(run(revise, "card", card_id, "--json", "--db", db))
    return [(r["rating"], r["at"]) for r in card["history"]]


def check_fixture_decks(revise, fixtures, tmp):
    expected = json.load(open(os.path.join(fixtures, "expected.json")))
    for package, want in sorted(expected.items()):
        db = os.path.join(tmp, f"{package}.sqlite")
        said = json.loads(run(revise, "import", os.path.join(fixtures, package), "--db", db, "--json"))
        check(said["added"] == 1, f"{package}: not imported: {said}")
        cards = cards_of(revise, db)
        check(len(cards) == want["cards"], f"{package}: {len(cards)} cards in Revise, {want['cards']} in Anki")
        tags = sorted({t for c in cards for t in c.get("tags", [])})
        check(tags == sorted(want["tags"]), f"{package}: tags {tags}, expected {sorted(want['tags'])}")
        topics = {tuple(c["topic"]) for c in cards}
        check(len(topics) == len(want["decks"]) or len(want["decks"]) <= 1,
              f"{package}: topics {sorted(topics)} for decks {want['decks']}")
        reviews = sum(c["reviews"] for c in cards)
        check(reviews == want["reviews"], f"{package}: {reviews} reviews in Revise, {want['reviews']} in Anki's log")
        reviewed = [c for c in cards if c["reviews"] > 0]
        check(all(c["state"] != "new" for c in reviewed), f"{package}: a reviewed card is still new")
        kinds = sorted({c["type"] for c in cards})
        check("cloze" in kinds and "reverse" in kinds, f"{package}: card types {kinds}")
        print(f"ok  {package}: {len(cards)} cards, {reviews} reviews, tags {tags}, {len(topics)} topics")


def anki_cycle(revise, db, package, tmp, reviewed_front):
    """Imports the package into a fresh Anki collection, answers one card there, and exports it in both layouts."""
    col = Collection(os.path.join(tmp, "anki-cycle.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(
            package_path=package,
            options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False, merge_notetypes=True)))
        # Study the exported deck (Anki offers the cards of the selected deck and its subdecks).
        top_decks = [d for d in col.decks.all_names_and_ids() if d.name.startswith("Revise") and d.name.count("::") == 1]
        check(top_decks, f"no Revise deck in Anki: {[d.name for d in col.decks.all_names_and_ids()]}")
        col.decks.select(top_decks[0].id)
        # Answer the first card Anki offers: a review given in Anki, not in Revise.
        queued = col.sched.get_queued_cards(fetch_limit=1)
        check(queued.cards, "Anki offers no card to study from the imported package")
        top = queued.cards[0]
        card = col.get_card(top.card.id)
        card.start_timer()
        answer = col.sched.build_answer(card=card, states=top.states, rating=CardAnswer.GOOD)
        col.sched.answer_card(answer)
        reviewed_front.append(card.note().fields[0])
        outs = []
        for legacy in (True, False):
            out = os.path.join(tmp, f"from-anki-{'legacy' if legacy else 'latest'}.apkg")
            col.export_anki_package(out_path=out, options=ExportAnkiPackageOptions(
                with_scheduling=True, with_deck_configs=False, with_media=True, legacy=legacy), limit=None)
            outs.append(out)
        return outs
    finally:
        col.close()


def check_round_trip(revise, notes, tmp):
    db = os.path.join(tmp, "home.sqlite")
    run(revise, "import", notes, "--db", db)
    cards = cards_of(revise, db)
    check(len(cards) > 20, f"only {len(cards)} cards from {notes}")
    # Some history: a few cards of different kinds rated at different times.
    picked = []
    for kind in ("reverse", "date", "cloze", "who", "choice", "basic"):
        picked += [c for c in cards if c["type"] == kind][:2]
    for n, card in enumerate(picked):
        run(revise, "review", card["id"], ["good", "again", "easy", "hard"][n % 4], "--at", f"2026-01-{n + 1:02d}T09:00:00Z", "--db", db)
        run(revise, "review", card["id"], "good", "--at", f"2026-02-{n + 1:02d}T09:00:00Z", "--db", db)
    package = os.path.join(tmp, "revise-export.apkg")
    run(revise, "export", "--format", "apkg", "--with-history", "--out", package, "--db", db)

    fresh = os.path.join(tmp, "fresh.sqlite")
    said = json.loads(run(revise, "import", package, "--db", fresh, "--json"))
    check(said["added"] == 1, f"the export was not imported: {said}")
    back = {c["id"]: c for c in cards_of(revise, fresh)}
    check(len(back) == len(cards), f"{len(back)} cards came back of {len(cards)} exported")
    for card in cards:
        other = back.get(card["id"])
        check(other is not None, f"card {card['id']} ({card['prompt']!r}) did not come back")
        for key in ("type", "prompt", "answer", "topic"):
            check(other[key] == card[key], f"card {card['id']}: {key} {other[key]!r} came back for {card[key]!r}")
    for card in picked:
        before = history_of(revise, db, card["id"])
        after = history_of(revise, fresh, card["id"])
        check(before == after, f"card {card['id']}: history {after} came back for {before}")
        check(back[card["id"]]["state"] == json.loads(run(revise, "card", card["id"], "--json", "--db", db))["card"]["state"],
              f"card {card['id']}: its state did not come back")
    print(f"ok  round trip: {len(cards)} cards and the history of {len(picked)} came back the same")

    # Through Anki and back into the same database: nothing doubled, Anki's review added.
    reviewed_front = []
    for out in anki_cycle(revise, db, package, tmp, reviewed_front):
        before = len(cards_of(revise, db))
        reviews_before = sum(c["reviews"] for c in cards_of(revise, db))
        run(revise, "import", out, "--db", db)
        after = cards_of(revise, db)
        check(len(after) == before, f"{os.path.basename(out)}: {len(after)} cards after importing Anki's export, {before} before")
        reviews_after = sum(c["reviews"] for c in after)
        check(reviews_after == reviews_before + 1 or reviews_after == reviews_before,
              f"{os.path.basename(out)}: {reviews_after} reviews after, {reviews_before} before")
        print(f"ok  {os.path.basename(out)}: same {len(after)} cards, reviews {reviews_before} → {reviews_after}")
    total = sum(c["reviews"] for c in cards_of(revise, db))
    check(total == 2 * len(picked) + 1, f"{total} reviews in the end; expected {2 * len(picked) + 1} (Anki's one added once)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--revise", required=True)
    parser.add_argument("--notes", required=True)
    parser.add_argument("--fixtures", required=True)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="revise-roundtrip-")
    try:
        check_fixture_decks(args.revise, args.fixtures, tmp)
        check_round_trip(args.revise, args.notes, tmp)
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        sys.exit(1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("roundtrip_test: all passed")


if __name__ == "__main__":
    main()
