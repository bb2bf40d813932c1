#!/usr/bin/env python3
"""Writes FSRS test vectors with py-fsrs, the reference implementation of the FSRS-6 scheduler.

Each line of the output is one review history with its scheduler settings and, after every review, the card's
state as py-fsrs computes it. Revise's test suite replays every line and must agree: the same state and step,
stability and difficulty to 1e-6 relative, the same due time to the second (fuzz off).

    python3 -m venv .venv && .venv/bin/pip install fsrs==6.3.2
    .venv/bin/python bench/fsrs_vectors.py > Tests/Fixtures/fsrs/vectors.jsonl

The histories are random but seeded, so the file is the same on every run: reviews seconds, minutes, hours,
days, months and years apart, all four ratings, several parameter sets, retentions, step lists and maximum
intervals.
"""

import json
import random
import sys
from datetime import datetime, timedelta, timezone

import fsrs
from fsrs import Card, Rating, Scheduler

HISTORIES = 400
STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}


def parameter_sets(rng):
    default = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    low = fsrs.scheduler.LOWER_BOUNDS_PARAMETERS
    high = fsrs.scheduler.UPPER_BOUNDS_PARAMETERS
    sets = [default]
    for _ in range(5):
        sets.append([min(max(w * rng.uniform(0.6, 1.4), lo), hi) for w, lo, hi in zip(default, low, high)])
    # Extremes: the bounds themselves are allowed.
    sets.append([min(max(w, lo), hi) for w, lo, hi in zip([x * 3 for x in default], low, high)])
    return sets


def gap(rng):
    kind = rng.random()
    if kind < 0.12:
        return timedelta(seconds=rng.randint(1, 59))
    if kind < 0.30:
        return timedelta(minutes=rng.randint(1, 180), seconds=rng.randint(0, 59))
    if kind < 0.40:
        return timedelta(hours=rng.randint(1, 47), minutes=rng.randint(0, 59))
    if kind < 0.80:
        return timedelta(days=rng.randint(1, 60), hours=rng.randint(0, 23), seconds=rng.randint(0, 59))
    if kind < 0.93:
        return timedelta(days=rng.randint(60, 400))
    return timedelta(days=rng.randint(365, 365 * 6), seconds=rng.randint(0, 86399))


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment.microsecond == 0 else moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def main():
    rng = random.Random(20261123)
    params = parameter_sets(rng)
    retentions = [0.7, 0.8, 0.85, 0.9, 0.9, 0.95, 0.97]
    learning = [[60, 600], [60, 600], [], [60], [60, 600, 3600], [300, 1800, 86400]]
    relearning = [[600], [600], [], [300, 1200], [60]]
    maxima = [36500, 36500, 365, 100, 3]
    out = sys.stdout
    for n in range(HISTORIES):
        settings = {
            "parameters": rng.choice(params),
            "desired_retention": rng.choice(retentions),
            "learning_steps": rng.choice(learning),
            "relearning_steps": rng.choice(relearning),
            "maximum_interval": rng.choice(maxima),
        }
        scheduler = Scheduler(
            parameters=settings["parameters"],
            desired_retention=settings["desired_retention"],
            learning_steps=[timedelta(seconds=s) for s in settings["learning_steps"]],
            relearning_steps=[timedelta(seconds=s) for s in settings["relearning_steps"]],
            maximum_interval=settings["maximum_interval"],
            enable_fuzzing=False,
        )
        moment = datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randint(0, 86400 * 365))
        card = Card(card_id=n + 1, due=moment)
        reviews, after = [], []
        for _ in range(rng.randint(1, 30)):
            # Mostly when due, sometimes early or late by a random gap.
            if rng.random() < 0.35 and card.due > moment:
                moment = card.due + timedelta(seconds=rng.choice([0, 0, 1, 3600, -60]))
                moment = max(moment, card.last_review or moment)
            else:
                moment = moment + gap(rng)
            rating = Rating(rng.choices([1, 2, 3, 4], weights=[2, 1, 5, 2])[0])
            recall = scheduler.get_card_retrievability(card, moment)
            card, _ = scheduler.review_card(card, rating, moment)
            reviews.append({"rating": int(rating), "at": iso(moment)})
            after.append({
                "state": STATE_NAMES[int(card.state)],
                "step": card.step,
                "stability": card.stability,
                "difficulty": card.difficulty,
                "due": iso(card.due),
                "due_epoch": card.due.timestamp(),
                "retrievability": recall,
            })
        out.write(json.dumps({"id": n + 1, "settings": settings, "reviews": reviews, "after": after}) + "\n")


if __name__ == "__main__":
    main()
