"""A job for the worker-restart test: its first run stops in the middle (the worker is killed there); a later
run does the day's reminders, the real job."""

import time
from pathlib import Path


def remind_after_a_pause(marker: str) -> dict:
    started = Path(marker)
    if not started.exists():
        started.write_text("first run")
        time.sleep(600)  # killed here
    from audit.jobs import remind

    return remind()
