"""CSV that cannot attack the person who opens it: no cell is ever read as a formula.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and some
also one that starts with a tab or a carriage return (OWASP, "CSV injection"). Every CSV
Caravan writes goes through :func:`writer`, which neutralises every cell — a record's own
fields, related records' names and joined lists alike — by a leading apostrophe. A number
(``-12.5``) carries no formula and is kept as it is.
"""

from __future__ import annotations

import csv
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """``value`` as the text of a cell that a spreadsheet shows and never runs."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(TRIGGERS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text  # " -1" or "-1\t" is not a plain number


class _SafeWriter:
    def __init__(self, out, **kwargs) -> None:
        self._writer = csv.writer(out, **kwargs)

    def writerow(self, row) -> Any:
        return self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)


def writer(out, **kwargs) -> _SafeWriter:
    """A ``csv.writer`` on ``out`` whose every cell is :func:`safe_cell`."""
    return _SafeWriter(out, **kwargs)
