"""Image uploads: only real JPEG/PNG/WebP/GIF, within limits, cleaned of metadata."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from events.models import Person
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def image_bytes(kind="JPEG", size=(60, 40), exif=None) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 50, 50))
    if exif is not None:
        image.save(buffer, kind, exif=exif)
    else:
        image.save(buffer, kind)
    return buffer.getvalue()


def exif_with_gps_and_rotation() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x8825] = {1: "N", 2: (43.0, 14.0, 0.0), 3: "E", 4: (76.0, 53.0, 0.0)}  # GPS
    return exif.tobytes()


def save_portrait(data: bytes, name="photo.jpg") -> Person:
    person = f.PersonFactory.build(country=None, slug="p")
    person.portrait = SimpleUploadedFile(name, data)
    person.full_clean()
    person.save()
    return person


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP", "GIF"])
def test_accepted_formats_are_saved_with_safe_names(kind, media):
    person = save_portrait(image_bytes(kind), name="../../etc/My Photo!.exe")
    assert person.portrait.name.startswith("people/my-photo-")
    assert person.portrait.name.endswith(
        {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}[kind]
    )
    assert (media / person.portrait.name).exists()


def test_exif_and_gps_are_stripped_and_orientation_applied(media):
    data = image_bytes(size=(60, 40), exif=exif_with_gps_and_rotation())
    assert Image.open(io.BytesIO(data)).getexif()
    person = save_portrait(data)
    with Image.open(media / person.portrait.name) as saved:
        assert not saved.getexif()
        assert saved.size == (40, 60)  # rotated as the camera meant


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "SVG"),
        (b"<?xml version='1.0'?><svg></svg>", "SVG"),
        (b"just some text, not an image", "not a readable image"),
        (image_bytes("BMP"), "BMP images are not accepted"),
        (image_bytes() + b"<script>alert(document.cookie)</script>", "carries other content"),
        (image_bytes("GIF") + b"<html><body>hi</body></html>", "carries other content"),
    ],
)
def test_dangerous_or_unknown_files_are_refused(data, message):
    with pytest.raises(ValidationError, match=message):
        save_portrait(data, name="innocent.jpg")
    assert not Person.objects.exists()


def test_zip_polyglot_is_refused():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("evil.html", "<script>1</script>")
    with pytest.raises(ValidationError, match="carries other content"):
        save_portrait(image_bytes() + archive.getvalue())


def test_decompression_bomb_is_refused_before_decoding(settings):
    settings.CARAVAN_MAX_IMAGE_PIXELS = 1_000_000
    with pytest.raises(ValidationError, match="million pixels"):
        save_portrait(image_bytes("PNG", size=(2000, 2000)))


def test_size_limit(settings):
    settings.CARAVAN_MAX_IMAGE_BYTES = 500
    with pytest.raises(ValidationError, match="the limit is"):
        save_portrait(image_bytes("PNG", size=(300, 300)))


def test_admin_form_explains_the_refusal_and_saves_nothing(client, editor, media):
    client.force_login(editor)
    data = {
        "name": "Someone New",
        "slug": "someone-new",
        "status": "draft",
        "editor_note": "",
        "portrait": SimpleUploadedFile("face.svg", b"<svg><script>alert(1)</script></svg>"),
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "positions-TOTAL_FORMS": "0",
        "positions-INITIAL_FORMS": "0",
        "sources-citation-content_type-object_id-TOTAL_FORMS": "0",
        "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:events_person_add"), data)
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode() or "SVG" in response.content.decode()
    assert not Person.objects.exists()
    assert not any(media.rglob("*.svg"))
