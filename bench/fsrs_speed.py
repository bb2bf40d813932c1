#!/usr/bin/env python3
"""Makes seeded review histories, times py-fsrs and fsrs-rs-python on them, and writes the histories as JSON
lines for `revise fsrs replay`. Called by bench/fsrs_speed.sh.

Usage: fsrs_speed.py REVIEWS OUT.jsonl PEERS.json
"""

import json
import random
import sys
import time
from datetime import datetime, timedelta, timezone

import fsrs_rs_python as rs
from fsrs import Card, Rating, Scheduler


def main():
    total, out_path, peers_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    per_card = 20
    rng = random.Random(7)
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    histories = []
    for _ in range(max(1, total // per_card)):
        moment = base + timedelta(seconds=rng.randint(0, 86400 * 30))
        history = []
        for _ in range(per_card):
            history.append((rng.choices([1, 2, 3, 4], [1, 1, 6, 2])[0], moment))
            moment += timedelta(days=rng.randint(1, 40), seconds=rng.randint(0, 3600))
        histories.append(history)
    with open(out_path, "w") as out:
        for n, history in enumerate(histories):
            for rating, moment in history:
                out.write('{"card": "c%d", "rating": %d, "at": "%s"}\n' % (n, rating, moment.strftime("%Y-%m-%dT%H:%M:%SZ")))

    scheduler = Scheduler(enable_fuzzing=False)
    start = time.perf_counter()
    for history in histories:
        card = Card(card_id=1, due=history[0][1])
        for rating, moment in history:
            card, _ = scheduler.review_card(card, Rating(rating), moment)
    py = time.perf_counter() - start

    items = []
    for history in histories:
        reviews, previous = [], None
        for rating, moment in history:
            reviews.append(rs.FSRSReview(rating, 0 if previous is None else (moment - previous).days))
            previous = moment
        items.append(rs.FSRSItem(reviews))
    model = rs.FSRS(rs.DEFAULT_PARAMETERS)
    best = None
    for _ in range(3):
        start = time.perf_counter()
        model.memory_state_batch(items)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    json.dump({"cards": len(histories), "py": py, "rs": best}, open(peers_path, "w"))


if __name__ == "__main__":
    main()
