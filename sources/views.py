"""Public pages of sources: what we cite, never the article's full text."""

from __future__ import annotations

from django.views.generic import DetailView, ListView

from cmsproject.views import VisibleToUserMixin

from .models import Source


class SourceListView(ListView):
    template_name = "sources/source_list.html"
    paginate_by = 50

    def get_queryset(self):
        qs = Source.objects.published().select_related("outlet")
        outlet = self.request.GET.get("outlet")
        if outlet:
            qs = qs.filter(outlet__slug=outlet, outlet__status="published")
        return qs


class SourceDetailView(VisibleToUserMixin, DetailView):
    model = Source
    template_name = "sources/source_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("outlet")
