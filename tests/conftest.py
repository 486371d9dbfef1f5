"""Shared test helpers."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="session")
def benchmark_module():
    """Load a script of benchmarks/ as a module, so tests assert on the benchmark's own measure."""
    def load(name: str) -> ModuleType:
        spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", BENCHMARKS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    return load


# Plain helpers for the tests that ingest generated inputs (test_concurrency, test_postgres): `from conftest import`.

def write(folder: Path, files: dict[str, str]) -> Path:
    """Write ``{name: text}`` into folder (created), UTF-8; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def records(db: str | Path) -> list[dict]:
    """The store's events as `eventwire export --format jsonl` writes them, without timestamps, by id."""
    from typer.testing import CliRunner

    from eventwire.cli import app

    res = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(x) for x in res.stdout.splitlines()]
    for r in recs:
        r.pop("timestamp")
    return sorted(recs, key=lambda r: r["event_id_cnty"])
