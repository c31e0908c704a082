"""Portraits and photos are shown through renditions made once with Pillow."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from events.models import Person
from tests import factories as f

pytestmark = pytest.mark.django_db


def jpeg(width=1200, height=800) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(buffer, "JPEG")
    return SimpleUploadedFile("portrait.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from django.core.cache import cache

    cache.clear()
    return tmp_path


def test_portrait_has_srcset_sizes_alt_and_credit(client, media):
    person = f.PersonFactory(
        portrait=jpeg(),
        portrait_alt="Wang Yi at a press conference",
        portrait_credit="Photo: fmprc.gov.cn",
    )
    html = client.get(person.get_absolute_url()).content.decode()
    img = re.search(r"<img [^>]*>", html[html.index('class="portrait"') :]).group()
    assert re.search(
        r'srcset="[^"]*-320\.webp 320w, [^"]*-640\.webp 640w, [^"]*-960\.webp 960w"', img
    )
    assert 'width="960" height="640"' in img
    assert 'alt="Wang Yi at a press conference"' in img
    assert "Photo: fmprc.gov.cn" in html
    made = sorted(p.name for p in (media / "renditions").iterdir())
    assert len(made) == 3


def test_renditions_are_made_once(client, media):
    person = f.PersonFactory(portrait=jpeg())
    client.get(person.get_absolute_url())
    stamps = {p: p.stat().st_mtime_ns for p in (media / "renditions").iterdir()}
    from django.core.cache import cache

    cache.clear()  # even without the cache, files already made are reused
    client.get(person.get_absolute_url())
    assert {p: p.stat().st_mtime_ns for p in (media / "renditions").iterdir()} == stamps


def test_small_images_are_not_enlarged(client, media):
    person = f.PersonFactory(portrait=jpeg(400, 300))
    html = client.get(person.get_absolute_url()).content.decode()
    assert 'width="400" height="300"' in html
    assert "960w" not in html


def test_a_broken_image_file_does_not_break_the_page(client, media):
    (media / "people").mkdir()
    (media / "people" / "corrupt.jpg").write_bytes(b"not an image any more")
    person = f.PersonFactory()
    Person.objects.filter(pk=person.pk).update(portrait="people/corrupt.jpg")
    assert client.get(person.get_absolute_url()).status_code == 200
