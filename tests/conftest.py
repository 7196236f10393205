"""Shared fixtures. Tests read real data from ../shared and fail loudly when it is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


def shared(*parts: str) -> Path:
    """A path under ../shared; raises (never skips) when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"test data missing: {path} (the tests need ../shared beside the repo)")
    return path


@pytest.fixture
def tmp_db(tmp_path):
    from db import open_db

    db = open_db(tmp_path / "test.db")
    yield db
    db.close()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "cli.db"
