"""WSGI entry point (gunicorn cmsproject.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cmsproject.settings")
application = get_wsgi_application()
