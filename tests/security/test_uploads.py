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


def add_person_in_admin(client, portrait: SimpleUploadedFile):
    """Post the admin's add form for a person with this portrait."""
    data = {"name": "Someone New", "slug": "someone-new", "editor_note": "", "portrait": portrait}
    for prefix in ("aliases", "positions", "sources-citation-content_type-object_id"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return client.post(reverse("admin:events_person_add"), data)


def test_admin_form_explains_the_refusal_and_saves_nothing(client, editor, media):
    client.force_login(editor)
    svg = SimpleUploadedFile("face.svg", b"<svg><script>alert(1)</script></svg>")
    response = add_person_in_admin(client, svg)
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode() or "SVG" in response.content.decode()
    assert not Person.objects.exists()
    assert not any(media.rglob("*.svg"))


def test_a_truncated_image_is_refused_saying_so_and_nothing_is_saved(media):
    whole = image_bytes("JPEG", size=(400, 300))
    with pytest.raises(ValidationError, match="damaged or cut short"):
        save_portrait(whole[: len(whole) // 2])
    assert not Person.objects.exists() and not any(media.rglob("*.jpg"))


def test_a_truncated_portrait_in_the_admin_is_explained_not_a_500(client, editor, media):
    client.force_login(editor)
    whole = image_bytes("JPEG", size=(400, 300))
    response = add_person_in_admin(client, SimpleUploadedFile("face.jpg", whole[:2000]))
    assert response.status_code == 200
    assert "damaged or cut short" in response.content.decode()
    assert not Person.objects.exists() and not any(media.rglob("*.jpg"))


def metadata_laden(kind: str) -> bytes:
    """An image carrying every kind of metadata its format can hold, each saying SECRET."""
    from PIL import ImageCms, PngImagePlugin

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    exif = Image.Exif()
    exif[0x010E] = "SECRET description"
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">SECRET</x:xmpmeta>'
    options = {
        "JPEG": {"comment": b"SECRET", "exif": exif.tobytes(), "xmp": xmp},
        "WEBP": {"exif": exif.tobytes(), "xmp": xmp},
        "PNG": {"exif": exif.tobytes()},
        "GIF": {"comment": b"SECRET"},
    }[kind]
    if kind == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Comment", "SECRET")
        options["pnginfo"] = text
    if kind != "GIF":
        options["icc_profile"] = profile.tobytes()
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 50, 50)).save(buffer, kind, **options)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP", "GIF"])
def test_no_comment_profile_text_or_xmp_survives_the_upload(kind, media):
    data = metadata_laden(kind)
    assert data.count(b"SECRET") >= 1
    person = save_portrait(data, name=f"photo.{kind.lower()}")
    stored = (media / person.portrait.name).read_bytes()
    assert b"SECRET" not in stored
    with Image.open(io.BytesIO(stored)) as saved:
        assert set(saved.info) <= {
            "jfif",
            "jfif_version",
            "jfif_unit",
            "jfif_density",
            "version",
            "background",
            "loop",
        }


def test_an_animation_keeps_its_frames_and_timing_but_not_its_comments(media):
    frames = [Image.new("RGB", (10, 10), c).convert("P") for c in ("red", "lime", "blue")]
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[50, 70, 90],
        loop=0,
        comment=b"SECRET",
    )
    person = save_portrait(buffer.getvalue(), name="wave.gif")
    stored = (media / person.portrait.name).read_bytes()
    assert b"SECRET" not in stored
    with Image.open(io.BytesIO(stored)) as saved:
        timing = []
        for n in range(saved.n_frames):
            saved.seek(n)
            timing.append(saved.info["duration"])
        assert timing == [50, 70, 90] and saved.info["loop"] == 0
