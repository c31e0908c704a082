"""The API of outlets, sources and citations (see cmsproject/api.py for the shared rules)."""
