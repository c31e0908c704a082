"""Keeping the database's statistics current after large loads.

The query planner picks its plan from table statistics. SQLite gathers none by itself: without
them it may answer "this person's events, newest first" by walking every event in date order
instead of looking up the person's few participations (6 ms instead of 0.02 ms at 10,000
events). PostgreSQL's autovacuum analyses in time for slow growth, but not straight after a
bulk load. So every command that loads many rows at once (generate_data, restore,
import_sources of many files) ends by analysing.
"""

from __future__ import annotations

from django.db import connection

# An import of at least this many new sources refreshes the statistics.
ANALYZE_AFTER = 200


def refresh_statistics() -> None:
    """ANALYZE the whole database (a fraction of a second at 100,000 sources on SQLite)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
