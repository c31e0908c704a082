"""Image uploads that cannot hurt: checked by content, re-encoded clean, safely named.

Only JPEG, PNG, WebP and GIF are accepted, recognised by Pillow from the bytes (never from the
name). The size and the pixel count are checked before any decoding, so a decompression bomb is
refused cheaply; SVG (which can carry scripts) is refused; files that are also something else
(an image with HTML, PHP or a ZIP archive inside — "polyglots") are refused. An accepted image is
decoded to the end (a file cut short is refused, not saved) and re-encoded from its pixels:
orientation applied, colours in sRGB, EXIF (GPS included), XMP, comments, colour profiles and
every other metadata dropped, and the file renamed from a slug of its name and a random suffix.
"""

from __future__ import annotations

import io
import re
import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.text import slugify
from PIL import Image, ImageCms, ImageOps, ImageSequence, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
POLYGLOT_MARKERS = re.compile(
    rb"<\s*(script|html|svg|iframe|body|\?php)|PK\x03\x04|javascript:", re.IGNORECASE
)


def max_bytes() -> int:
    return getattr(settings, "CARAVAN_MAX_IMAGE_BYTES", 10 * 1024 * 1024)


def max_pixels() -> int:
    return getattr(settings, "CARAVAN_MAX_IMAGE_PIXELS", 40_000_000)


def _read(file) -> bytes:
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data


def inspect_image(data: bytes) -> tuple[str, tuple[int, int]]:
    """(format, size) of an acceptable image, or ValidationError saying what is wrong."""
    limit = max_bytes()
    if len(data) > limit:
        raise ValidationError(
            f"The image is {len(data) / 1_048_576:.1f} MB; "
            f"the limit is {limit / 1_048_576:.0f} MB.",
            code="too_large",
        )
    head = data[:512].lstrip().lower()
    if head.startswith((b"<?xml", b"<svg")) or b"<svg" in head:
        raise ValidationError(
            "SVG images are not accepted; upload a JPEG, PNG, WebP or GIF.", code="svg"
        )
    try:
        with Image.open(io.BytesIO(data)) as image:  # reads the header only
            kind, size = image.format, image.size
            if kind not in ALLOWED_FORMATS:
                raise ValidationError(
                    f"{kind} images are not accepted; upload a JPEG, PNG, WebP or GIF.",
                    code="format",
                )
            if size[0] * size[1] > max_pixels():
                raise ValidationError(
                    f"The image is {size[0]}×{size[1]} pixels; the limit is "
                    f"{max_pixels() // 1_000_000} million pixels.",
                    code="too_many_pixels",
                )
            image.verify()
    except (UnidentifiedImageError, SyntaxError, OSError, Image.DecompressionBombError):
        raise ValidationError(
            "This file is not a readable image; upload a JPEG, PNG, WebP or GIF.",
            code="not_image",
        ) from None
    try:
        # verify() reads the structure only; a file cut short fails when its pixels are
        # decoded, which must happen here (a 400 saying so) and not while saving (a 500).
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            "This image is damaged or cut short (it cannot be decoded to the end); "
            "upload the whole file.",
            code="truncated",
        ) from None
    if POLYGLOT_MARKERS.search(data):
        raise ValidationError(
            "This image carries other content (HTML, script or an archive) and is refused.",
            code="polyglot",
        )
    return kind, size


def validate_image_upload(file) -> None:
    """Model field validator: runs on every path that validates (admin forms, the API)."""
    if file and not getattr(file, "_committed", True):
        inspect_image(_read(file))


def clean_image(data: bytes, name: str) -> ContentFile:
    """The image re-encoded from its pixels alone, under a safe new name: orientation applied,
    colours converted to sRGB, and nothing else of the upload kept — no EXIF (GPS included),
    XMP, comment, colour profile or text chunk."""
    kind, _ = inspect_image(data)
    out = io.BytesIO()
    with Image.open(io.BytesIO(data)) as image:
        if kind == "GIF" and getattr(image, "is_animated", False):
            _save_animation(image, out)
        else:
            clean = _bare(_in_srgb(ImageOps.exif_transpose(image)))
            if kind == "JPEG" and clean.mode not in ("RGB", "L"):
                clean = clean.convert("RGB")
            options = {"quality": 90} if kind in ("JPEG", "WEBP") else {}
            clean.save(out, kind, **options)
    stem = slugify(PurePath(name).stem)[:40] or "image"
    return ContentFile(
        out.getvalue(), name=f"{stem}-{secrets.token_hex(4)}.{ALLOWED_FORMATS[kind]}"
    )


# What an encoder needs to draw the pixels as they were; everything else in ``info`` is
# metadata, which encoders otherwise write back (a JPEG's or GIF's comment, a PNG's profile).
DRAWING_KEYS = ("transparency",)
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _bare(image: Image.Image) -> Image.Image:
    bare = image.copy()
    bare.info = {key: image.info[key] for key in DRAWING_KEYS if key in image.info}
    return bare


def _in_srgb(image: Image.Image) -> Image.Image:
    """The pixels in sRGB, so that the profile (which may name the camera or the editor's
    software) can go without changing the colours; a profile that cannot be applied is
    dropped."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(image, source, SRGB, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def _save_animation(image: Image.Image, out: io.BytesIO) -> None:
    """An animated GIF rebuilt frame by frame: the frames, their timing and the loop kept, the
    comments and application blocks of every frame left behind."""
    frames, durations = [], []
    for frame in ImageSequence.Iterator(image):
        frames.append(_bare(frame))
        durations.append(frame.info.get("duration", 100))
    options = {"loop": image.info["loop"]} if "loop" in image.info else {}
    frames[0].save(
        out, "GIF", save_all=True, append_images=frames[1:], duration=durations, **options
    )


class SafeImageField(models.ImageField):
    """An ImageField whose new uploads are validated and re-encoded by :func:`clean_image`."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [validate_image_upload])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("validators") == [validate_image_upload]:
            del kwargs["validators"]
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            cleaned = clean_image(_read(file), file.name)
            file.save(cleaned.name, cleaned, save=False)
        return super().pre_save(model_instance, add)
