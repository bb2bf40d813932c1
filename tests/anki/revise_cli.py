"""What the Anki tests share: running the `revise` binary and failing with a message."""

import subprocess


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(revise, *args):
    """Runs `revise ARGS…` and returns what it printed; a non-zero exit is a failure naming the command."""
    result = subprocess.run([revise, *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise Failure(f"revise {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result.stdout
