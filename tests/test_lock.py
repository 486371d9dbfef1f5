"""requirements.lock and pyproject.toml agree, and the lock installs with any pip (23.2 included).

pip before 23.3 cannot resolve an extra that a locked package asks for (``justext`` wants
``lxml[html_clean]``) under ``--require-hashes``: it looks for the newest release instead and stops.
Every such extra is therefore pinned on a line of its own, with the same version and hashes.
"""
from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock() -> dict[tuple[str, tuple[str, ...]], tuple[str, frozenset[str]]]:
    """(name, extras) → (version, hashes) for every entry of requirements.lock."""
    entries: dict[tuple[str, tuple[str, ...]], tuple[str, frozenset[str]]] = {}
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    for block in re.split(r"\n(?=\S)", text):
        head = re.match(r"([A-Za-z0-9_.\-]+)(?:\[([^\]]+)\])?==(\S+)", block)
        if not head:
            continue
        extras = tuple(sorted(e.strip() for e in (head.group(2) or "").split(",") if e.strip()))
        key = (_norm(head.group(1)), extras)
        assert key not in entries, f"{key} twice in requirements.lock"
        entries[key] = (head.group(3), frozenset(re.findall(r"--hash=(sha256:[0-9a-f]+)", block)))
    return entries


def test_every_lock_entry_is_hashed() -> None:
    for key, (version, hashes) in _lock().items():
        assert hashes, f"{key}=={version} has no hash"


def test_pyproject_dependencies_are_locked_at_their_pins() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lock = _lock()
    wanted = list(project["dependencies"]) + [r for reqs in project["optional-dependencies"].values() for r in reqs]
    for spec in wanted:
        req = Requirement(spec)
        pins = [s.version for s in req.specifier if s.operator == "=="]
        assert len(pins) == 1, f"{spec}: pyproject pins every dependency with =="
        key = (_norm(req.name), tuple(sorted(req.extras)))
        assert key in lock, f"{spec} is missing from requirements.lock"
        assert lock[key][0] == pins[0], f"{spec}: the lock has {lock[key][0]}"


def test_extras_of_locked_packages_have_their_own_pinned_line() -> None:
    lock = _lock()
    env = default_environment() | {"extra": ""}
    checked = 0
    for (name, extras), (version, _) in list(lock.items()):
        if extras:
            base = lock.get((name, ()))
            assert base and base[0] == version, f"{name}[{','.join(extras)}] must pin the same version as {name}"
            assert base[1] == lock[(name, extras)][1], f"{name}[{','.join(extras)}] must carry {name}'s hashes"
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # not installed here (platform marker): nothing to read
        checked += 1
        for raw in dist.requires or []:
            req = Requirement(raw)
            if not req.extras or (req.marker and not req.marker.evaluate(env)):
                continue
            key = (_norm(req.name), tuple(sorted(req.extras)))
            assert key in lock, f"{name} asks for {req}: pin {key[0]}[{','.join(key[1])}]=={lock[(key[0], ())][0]} in the lock"
    if checked == 0:
        pytest.skip("the locked packages are not installed in this environment")
