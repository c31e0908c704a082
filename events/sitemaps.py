"""The sitemap sections of the records this app publishes."""

from cmsproject.editorial.sitemaps import PublishedSitemap

from .models import Agreement, Event, Indicator, Organization, Person, Place, Topic

SITEMAPS = {
    model._meta.model_name: PublishedSitemap(model)
    for model in (Event, Person, Organization, Agreement, Topic, Place, Indicator)
}
