"""Ingestion: from a raw article file to a clean, de-duplicated draft Source."""
