"""The lock files install what the requirement files ask for, every package with its hashes."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            pins.update(_pins(path.parent / line[3:].strip()))
        elif "==" in line:
            name, version = line.split("==")
            pins[re.sub(r"\[.*\]", "", name).strip().lower().replace("_", "-")] = version.strip()
    return pins


def _locked(path: Path) -> dict[str, tuple[str, int]]:
    entries = re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+) \\\n((?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)",
                         path.read_text(), re.M)
    return {name.lower().replace("_", "-"): (version, block.count("--hash=")) for name, version, block in entries}


@pytest.mark.parametrize("name", ["requirements", "requirements-dev"])
def test_the_lock_pins_every_requirement_with_hashes(name):
    wanted, locked = _pins(ROOT / f"{name}.txt"), _locked(ROOT / f"{name}.lock")
    assert wanted, name
    for package, version in wanted.items():
        assert package in locked, f"{package} missing from {name}.lock: run tools/lock.sh"
        assert locked[package][0] == version, f"{package}: {name}.txt says {version}, the lock {locked[package][0]}"
    text = (ROOT / f"{name}.lock").read_text()
    assert len(locked) == len(re.findall(r"^[A-Za-z0-9_.\-]+==", text, re.M))  # every entry has hashes
    assert "file:///" not in text and "--index-url" not in text  # nothing of one machine's package mirror
