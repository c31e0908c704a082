"""Writes schemaorg-vocabulary.json, the part of schema.org the JSON-LD checks need.

Run with the release's two CSV files (schema.org's repository, data/releases/<version>/
schemaorg-current-https-types.csv and schemaorg-current-https-properties.csv):

    python tests/data/jsonld/derive_vocabulary.py TYPES.csv PROPERTIES.csv

It keeps, for each type, its schema.org supertypes; for each enumeration member, its
enumeration; for each property, the types it is defined on (domain) and may point to (range).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

PREFIX = "https://schema.org/"
OUT = Path(__file__).with_name("schemaorg-vocabulary.json")


def _terms(cell: str) -> list[str]:
    """The schema.org terms of a comma-separated CSV cell (other vocabularies left out)."""
    ids = [part.strip() for part in cell.split(",") if part.strip()]
    return sorted(i.removeprefix(PREFIX) for i in ids if i.startswith(PREFIX))


def derive(types_csv: str, properties_csv: str) -> dict:
    types, members, properties = {}, {}, {}
    with open(types_csv, encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            if row["enumerationtype"]:
                members[row["label"]] = _terms(row["enumerationtype"])
            else:
                types[row["label"]] = _terms(row["subTypeOf"])
    with open(properties_csv, encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            properties[row["label"]] = {
                "domains": _terms(row["domainIncludes"]),
                "ranges": _terms(row["rangeIncludes"]),
            }
    return {"types": types, "members": members, "properties": properties}


if __name__ == "__main__":
    vocabulary = derive(sys.argv[1], sys.argv[2])
    OUT.write_text(json.dumps(vocabulary, indent=0, sort_keys=True) + "\n", encoding="utf-8")
