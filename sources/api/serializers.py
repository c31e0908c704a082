"""Serializers of sources and of the citations every record carries.

A source's ``body`` (the cleaned article) is for editors only: readers get our ``summary``, as on
the public pages. ``raw_text`` (the file as imported) is never exposed.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cmsproject.editorial.api import (
    BlankAsNullURLField,
    RecordLink,
    RecordSerializer,
    VisibleChildList,
    absolute_url,
    api_detail_url,
    link_name,
    sync_children,
)

from ..models import Citation, Outlet, Source


def citations_prefetch(request) -> Prefetch:
    """A record's citations whose source the user may see, with source and outlet loaded."""
    citations = Citation.objects.all()  # citations of hidden sources are left out by the layer
    return Prefetch(
        "citations",
        queryset=citations.select_related("source__outlet").order_by("position", "id"),
    )


class CitationSerializer(serializers.ModelSerializer):
    """A source backing the record, with the exact words the record rests on."""

    source = RecordLink(queryset=Source.objects.all(), label="title")
    outlet = serializers.SerializerMethodField(help_text="The outlet that published the source.")
    published_on = serializers.DateField(source="source.published_on", read_only=True)

    class Meta:
        model = Citation
        fields = ["source", "outlet", "published_on", "excerpt", "claim", "claimed_value", "note"]
        list_serializer_class = VisibleChildList
        visible_through = ("source",)

    def csv_text(self, item: dict, *, number: int) -> str:
        """A numbered note, as the pages show it: '[1] Title (Outlet, 2023-12-02): "excerpt"',
        then the fact it backs and the note."""
        where = ", ".join(str(v) for v in (item.get("outlet"), item.get("published_on")) if v)
        text = f"[{number}] {link_name(item['source'])}" + (f" ({where})" if where else "")
        if item.get("excerpt"):
            text += f': "{item["excerpt"]}"'
        if item.get("claim"):
            value = item.get("claimed_value")
            text += f" [backs {item['claim']}" + (f": {value}]" if value else "]")
        if item.get("note"):
            text += f" — {item['note']}"
        return text

    def get_outlet(self, citation) -> str | None:
        outlet = citation.source.outlet  # None when the outlet is hidden from this reader
        return outlet.name if outlet is not None else None

    def validate(self, attrs):
        # The admin's rule: the excerpt must occur in the source's body.
        citation = Citation(**attrs)
        try:
            citation.clean_fields(exclude=["content_type", "object_id"])
            citation.check_claim(self.record_model())
            citation.clean()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc
        attrs["claim"] = citation.claim
        return attrs

    def record_model(self):
        """The model of the record these citations back (the serializer holding the list)."""
        holder = getattr(self.parent, "parent", None)
        meta = getattr(holder, "Meta", None)
        return getattr(meta, "model", None)


class CitedSerializer(RecordSerializer):
    """A record serializer with its citations, readable and (as a whole list) writable."""

    citations = CitationSerializer(
        many=True,
        required=False,
        help_text="Sources backing this record. Writing replaces the whole list.",
    )

    def save_citations(self, instance, items: list[dict]) -> None:
        user = self.context["request"].user
        sync_children(
            manager=instance.citations,
            items=items,
            key=("source", "excerpt"),
            make=lambda: Citation(record=instance, created_by=user),
            user=user,
            extra=lambda order: {"position": order},
        )


class SourceListSerializer(RecordSerializer):
    outlet = RecordLink(queryset=Outlet.objects.all(), required=False, allow_null=True)
    original_url = BlankAsNullURLField(
        source="url", required=False, help_text="Where the article was published; null if unknown."
    )

    class Meta(RecordSerializer.Meta):
        model = Source
        fields = [
            "slug",
            "title",
            "outlet",
            "published_on",
            "language",
            "original_url",
            "url",
            "api_url",
        ]


class SourceSerializer(SourceListSerializer):
    duplicate_of = RecordLink(
        queryset=Source.objects.all(), label="title", required=False, allow_null=True
    )
    image = serializers.ImageField(read_only=True)
    cited_by = serializers.SerializerMethodField(help_text="Published records citing this source.")

    class Meta(SourceListSerializer.Meta):
        staff_fields = ("editor_note", "go_live_at", "expire_at", "body")
        fields = [
            *SourceListSerializer.Meta.fields,
            "byline",
            "dateline",
            "summary",
            "body",
            "image",
            "image_credit",
            "image_caption",
            "image_alt",
            "duplicate_of",
            "cited_by",
            "status",
            "published_at",
            "go_live_at",
            "expire_at",
            "created_at",
            "updated_at",
            "editor_note",
        ]

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "slug", "name", "url", "api_url"],
                "properties": {
                    "type": {"type": "string", "description": "event, person, agreement…"},
                    "slug": {"type": "string"},
                    "name": {"type": "string"},
                    "url": {"type": "string", "format": "uri", "nullable": True},
                    "api_url": {"type": "string", "format": "uri", "nullable": True},
                },
            },
        }
    )
    def get_cited_by(self, source) -> list[dict]:
        request = self.context.get("request")
        cited = []
        seen = set()
        for citation in source.citations.all():
            record = citation.record
            if record is None or not getattr(record, "is_live", False):
                continue
            if (type(record), record.pk) in seen:
                continue
            seen.add((type(record), record.pk))
            cited.append(
                {
                    "type": record._meta.model_name,
                    "slug": record.slug,
                    "name": str(record),
                    "url": absolute_url(record, request),
                    "api_url": api_detail_url(record, request),
                }
            )
        return cited
