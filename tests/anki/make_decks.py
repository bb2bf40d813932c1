"""Makes Anki packages the way students get them, for the import tests:

- genanki.apkg: made by genanki (collection.anki2): Basic, reversed and Cloze notes, a subdeck, tags, an image.
- legacy.apkg: made by the real Anki library and exported "for older versions" (collection.anki21), with a
  review history made by answering cards through Anki's own scheduler.
- latest.apkg: the same collection exported in the current layout (collection.anki21b, zstd).
- collection.colpkg: the whole collection, as Anki's "Export collection" writes it.

Writes expected.json beside them: per package, what Revise must find: its notes (how many, and of each shape:
basic, bothWays, cloze), their fronts and backs, cards, reviews (how many, and of each rating 1-4), decks, tags and
media. The dummy collection.anki2 that Anki writes beside its real collection must not be read.
Usage: python make_decks.py --out DIR   (needs the `anki` and `genanki` packages: pip install anki genanki)
"""

import argparse
import json
import os
import shutil
import struct
import tempfile
import zlib

import genanki
from anki.collection import Collection, ExportAnkiPackageOptions
from anki.scheduler.v3 import CardAnswer

def flag_png(width=150, height=100, colours=((0, 85, 164), (255, 255, 255), (239, 65, 53))):
    """A small PNG of three vertical stripes, written by hand (zlib and struct only)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b""
    for _ in range(height):
        rows += b"\x00" + b"".join(bytes(colours[min(2, x * 3 // width)]) for x in range(width))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


PIXEL = flag_png()


def make_genanki(out, tmp):
    basic = genanki.Model(
        1607392319, "Simple", fields=[{"name": "Question"}, {"name": "Answer"}],
        templates=[{"name": "Card 1", "qfmt": "{{Question}}", "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}"}])
    reversed_model = genanki.Model(
        1607392320, "Both ways", fields=[{"name": "Word"}, {"name": "Meaning"}],
        templates=[
            {"name": "Forward", "qfmt": "{{Word}}", "afmt": "{{FrontSide}}<hr id=answer>{{Meaning}}"},
            {"name": "Back", "qfmt": "{{Meaning}}", "afmt": "{{FrontSide}}<hr id=answer>{{Word}}"},
        ])
    cloze = genanki.Model(
        1607392321, "My Cloze", model_type=genanki.Model.CLOZE, fields=[{"name": "Text"}, {"name": "Extra"}],
        templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Extra}}"}])
    top = genanki.Deck(2059400110, "Chemistry")
    sub = genanki.Deck(2059400111, "Chemistry::Bonding")
    top.add_note(genanki.Note(model=basic, fields=["Symbol for sodium?", "Na"], tags=["elements"]))
    top.add_note(genanki.Note(model=basic, fields=["Which flag is this?<br><img src=\"flag.png\">", "The flag of France"], tags=["images"]))
    sub.add_note(genanki.Note(model=reversed_model, fields=["Covalent bond", "A shared pair of electrons"], tags=["bonding"]))
    sub.add_note(genanki.Note(
        model=cloze, fields=["Metals have {{c1::delocalised electrons}} that carry {{c2::charge}}", "Metallic bonding"],
        tags=["bonding"]))
    image = os.path.join(tmp, "flag.png")
    with open(image, "wb") as f:
        f.write(PIXEL)
    package = genanki.Package([top, sub])
    package.media_files = [image]
    package.write_to_file(os.path.join(out, "genanki.apkg"))
    notes = [note for deck in (top, sub) for note in deck.notes]
    return {"notes": len(notes), "shapes": {"basic": 2, "bothWays": 1, "cloze": 1},
            "fronts": sorted(n.fields[0] for n in notes), "backs": sorted(n.fields[1] for n in notes),
            "cards": 1 + 1 + 2 + 2, "reviews": 0, "ratings": {}, "decks": ["Chemistry", "Chemistry::Bonding"],
            "tags": ["bonding", "elements", "images"], "media": ["flag.png"]}


def make_anki(out, tmp):
    col = Collection(os.path.join(tmp, "source.anki2"))
    try:
        parent = col.decks.id("French")
        verbs = col.decks.id("French::Verbs")
        models = col.models
        def add(model_name, fields, deck, tags):
            note = col.new_note(models.by_name(model_name))
            for i, value in enumerate(fields):
                note.fields[i] = value
            note.tags = tags
            col.add_note(note, deck)
            return note
        add("Basic", ["le chat", "the cat"], parent, ["nouns"])
        add("Basic", ["le chien", "the dog"], parent, ["nouns"])
        add("Basic (and reversed card)", ["manger", "to eat"], verbs, ["verbs"])
        add("Cloze", ["Je {{c1::suis}} {{c2::étudiant}}", "être"], verbs, ["grammar"])
        name = col.media.add_file(_write(tmp, "drapeau.png", PIXEL))
        add("Basic", [f"Which flag? <img src=\"{name}\">", "France"], parent, ["images"])
        # A history: answer what Anki offers, through its own scheduler, with several ratings.
        col.decks.select(parent)
        ratings = [3, 1, 3, 4, 2, 3, 3]
        answered = 0
        for rating in ratings:
            queued = col.sched.get_queued_cards(fetch_limit=1)
            if not queued.cards:
                break
            top = queued.cards[0]
            card = col.get_card(top.card.id)
            card.start_timer()
            # Anki's ratings count from 0 (again) to 3 (easy); Revise's and the log's from 1 to 4.
            col.sched.answer_card(col.sched.build_answer(card=card, states=top.states, rating=rating - 1))
            answered += 1
        assert answered == len(ratings), f"Anki offered {answered} cards to answer, not {len(ratings)}"
        # A manual reschedule ("Set due date") logs a row that is no review: Revise must leave it out.
        rows_before = col.db.scalar("select count() from revlog")
        col.sched.set_due_date([col.find_cards("Je")[0]], "3")
        assert col.db.scalar("select count() from revlog") == rows_before + 1, "set_due_date logged nothing"
        reviews = answered
        ratings_given = {}
        for rating in ratings:
            ratings_given[str(rating)] = ratings_given.get(str(rating), 0) + 1
        shapes = {"basic": 0, "bothWays": 0, "cloze": 0}
        fronts, backs = [], []
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            if note.note_type()["type"] == 1:
                shapes["cloze"] += 1
            else:
                shapes["bothWays" if len(note.card_ids()) > 1 else "basic"] += 1
            fronts.append(note.fields[0])
            backs.append(note.fields[1])
        for legacy, file in ((True, "legacy.apkg"), (False, "latest.apkg")):
            col.export_anki_package(
                out_path=os.path.join(out, file),
                options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False, with_media=True, legacy=legacy),
                limit=None)
        expected = {"notes": len(fronts), "shapes": shapes, "fronts": sorted(fronts), "backs": sorted(backs),
                    "cards": 2 + 2 + 2 + 1, "reviews": reviews, "ratings": ratings_given,
                    "decks": ["French", "French::Verbs"], "tags": ["grammar", "images", "nouns", "verbs"],
                    "media": [name]}
        # A whole collection, as "Export collection" (.colpkg) writes it; this closes the collection.
        col.export_collection_package(os.path.join(out, "collection.colpkg"), include_media=True, legacy=False)
        return expected
    finally:
        if col.db:
            col.close()


def _write(folder, name, data):
    path = os.path.join(folder, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="revise-decks-")
    try:
        expected = {"genanki.apkg": make_genanki(args.out, tmp)}
        made = make_anki(args.out, tmp)
        expected["legacy.apkg"] = made
        expected["latest.apkg"] = made
        # The whole collection also holds Anki's empty Default deck, which has no cards.
        expected["collection.colpkg"] = made
        with open(os.path.join(args.out, "expected.json"), "w") as f:
            json.dump(expected, f, indent=2, sort_keys=True)
        print(json.dumps(expected, sort_keys=True))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
