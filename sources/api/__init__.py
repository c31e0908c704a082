"""The API of outlets, sources and citations (see cmsproject/api/ for the shared rules)."""
