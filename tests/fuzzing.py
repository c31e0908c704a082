"""Settings shared by the property-based tests (schemathesis, Hypothesis)."""

from __future__ import annotations

import hypothesis
from hypothesis import HealthCheck


def bounded(max_examples: int) -> hypothesis.settings:
    """Deterministic and bounded: a fixed number of examples, derandomized, no deadline (the
    machine may be busy), no example database."""
    return hypothesis.settings(
        max_examples=max_examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
