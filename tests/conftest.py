"""Shared fixtures: where the samples and cases are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "2014_copa_peru.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


# No deadlines: examples are judged on what they return, never on time
# (a loaded CI machine must not turn into failures).
settings.register_profile("default", deadline=None, max_examples=40)
settings.register_profile("slow", deadline=None, max_examples=10_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
