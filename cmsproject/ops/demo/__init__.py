"""The demo dataset: China and Central Asia, 2020–2025, from FACTS.md and the public record.

Plain structures, one module per family of records (``states``, ``topics``, ``people`` and
``ministers``, ``events``, ``agreements``, ``sources``), written by :mod:`.loader`. Records refer
to each other by slug. Dates are ISO strings; "2022-12" is known to the month and "2023" to the
year (stored as the first day of the period, with that precision). Aliases are
``(name, kind, language)``, with ``valid_from`` and ``valid_to`` for a former name. Every text
here is our own; none is taken from an article.
"""

from .loader import DemoResult, load_demo

__all__ = ["DemoResult", "load_demo"]
