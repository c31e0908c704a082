"""The sitemap section of the sources."""

from cmsproject.editorial.sitemaps import PublishedSitemap

from .models import Source

SITEMAPS = {"source": PublishedSitemap(Source)}
