"""Production mode: strict settings, security headers, login throttling, storage switch."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests import factories as f

ROOT = Path(__file__).resolve().parents[2]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "caravan.example.org",
}


def test_deploy_check_passes_with_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_a_secret_key_says_what_is_missing():
    result = manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required when DJANGO_DEBUG=0" in result.stderr


def test_media_storage_switches_to_s3_by_environment():
    code = "from django.conf import settings; print(settings.STORAGES['default']['BACKEND'])"
    result = manage(
        "shell", "-c", code, CARAVAN_MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME="caravan-media"
    )
    assert result.stdout.strip().endswith("storages.backends.s3.S3Storage"), result.stderr
    missing = manage("check", CARAVAN_MEDIA_STORAGE="s3")
    assert "needs AWS_STORAGE_BUCKET_NAME" in missing.stderr


@pytest.mark.django_db
def test_security_headers_on_every_page(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_login_is_locked_after_repeated_failures(client):
    f.editor(username="edith")
    url = reverse("admin:login")
    for _ in range(5):
        client.post(url, {"username": "edith", "password": "wrong password"})
    response = client.post(url, {"username": "edith", "password": "correct-horse-battery"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    other = client.post(url, {"username": "someone-else", "password": "wrong"})
    assert other.status_code == 200  # only that account is locked, not the login page
