"""Image renditions: smaller copies of uploaded images, made once with Pillow and reused.

A page asks for an image at a few widths; each rendition is written to the media storage under
``renditions/`` the first time it is asked for and served from there afterwards (the fact that
it exists is remembered in the cache, so pages do not touch the storage on every request).
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

WIDTHS = (320, 640, 960)
QUALITY = 82


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


def _name(original: str, width: int) -> str:
    digest = hashlib.sha1(original.encode("utf-8")).hexdigest()[:16]
    return f"renditions/{digest}-{width}.webp"


def renditions(field_file, widths: tuple[int, ...] = WIDTHS) -> list[Rendition]:
    """Renditions of an ImageField's file at ``widths`` (never wider than the original).

    Returns [] when the file is missing or unreadable, so a broken upload never breaks a page.
    """
    if not field_file:
        return []
    key = f"renditions:{field_file.name}:{','.join(map(str, widths))}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    try:
        result = _make(field_file, widths)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        logger.warning("No renditions for %s: %s", field_file.name, exc)
        result = []
    cache.set(key, result, 60 * 60 * 24)
    return result


def _make(field_file, widths: tuple[int, ...]) -> list[Rendition]:
    with field_file.open("rb") as handle, Image.open(handle) as image:
        image = ImageOps.exif_transpose(image)
        original_width, original_height = image.size
        targets = sorted({min(w, original_width) for w in widths})
        out = []
        for width in targets:
            height = max(1, round(original_height * width / original_width))
            name = _name(field_file.name, width)
            if not default_storage.exists(name):
                copy = image.convert("RGB") if image.mode not in ("RGB", "RGBA") else image
                copy = copy.resize((width, height), Image.Resampling.LANCZOS)
                buffer = io.BytesIO()
                copy.save(buffer, "WEBP", quality=QUALITY)
                default_storage.save(name, ContentFile(buffer.getvalue()))
            out.append(Rendition(default_storage.url(name), width, height))
        return out
