"""Caravan's settings: one module, configured by environment variables.

Development defaults are safe to run on a laptop (DEBUG on, SQLite under var/); production mode
(DJANGO_DEBUG=0) is strict and refuses to start without what it needs.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0 (got {value!r}).")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG=0. Set it to a long random string, "
            "e.g. the output of: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "caravan-development-only-not-secret"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "django.contrib.postgres",  # SearchVectorField; harmless on SQLite
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI and Redoc served from our static files, no CDN
    "simple_history",
    "axes",  # login throttling: locks an account and address after repeated failures
    "csp",  # Content-Security-Policy header (see CONTENT_SECURITY_POLICY below)
    "corsheaders",  # open data across origins (CORS_* below)
    "cmsproject.apps.CmsprojectConfig",
    "sources.apps.SourcesConfig",
    "events.apps.EventsConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # first of ours: preflights are answered here, and every answer of the open paths (a 503
    # while the database is away included) tells other origins they may read it
    "corsheaders.middleware.CorsMiddleware",
    # the API's RateLimit-* headers, from what its throttles counted (cmsproject/clients.py)
    "cmsproject.clients.RateLimitHeadersMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # before WhiteNoise and the database check, so that their responses carry the policy too
    "cmsproject.content_security_policy.ContentSecurityPolicyMiddleware",
    "cmsproject.middleware.DatabaseUnavailableMiddleware",
    # a NUL in any parameter: 400 before any view reads it (cmsproject/inputs.py)
    "cmsproject.inputs.NullCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # old addresses of renamed, merged and deleted records (301 / 410) when a page is not found
    "cmsproject.redirecting.RedirectMiddleware",
    # every read of a record is for the request's user: readers never see drafts
    "cmsproject.editorial.visibility.AudienceMiddleware",
    "cmsproject.editorial.rights.ActorMiddleware",
    # after authentication: readers' pages answer 304 when unchanged, staff always get fresh
    "cmsproject.conditional.ConditionalPageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # last: it answers a locked-out login with 429
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cmsproject.urls"
WSGI_APPLICATION = "cmsproject.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'caravan.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    (BASE_DIR / "var").mkdir(exist_ok=True)
    # Editors save while imports run: wait for a lock instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # Write-ahead log: readers are not blocked while an import writes, and a commit does not
    # wait for the disk (synchronous=NORMAL is safe with WAL: a power cut may lose the last
    # commits, never corrupt the file). Writers take the lock up front (IMMEDIATE) so two of
    # them queue instead of one failing with "database is locked".
    DATABASES["default"]["OPTIONS"].update(
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        transaction_mode="IMMEDIATE",
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "var" / "static"))
if DEBUG:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))

# Media: local files by default; S3-compatible object storage when several app servers share it
# (CARAVAN_MEDIA_STORAGE=s3 with AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL and credentials).
MEDIA_STORAGE = os.environ.get("CARAVAN_MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    MEDIA_BACKEND = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
        },
    }
    if not MEDIA_BACKEND["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("CARAVAN_MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
elif MEDIA_STORAGE == "local":
    MEDIA_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured(
        f"CARAVAN_MEDIA_STORAGE must be local or s3 (got {MEDIA_STORAGE!r})."
    )


def s3_media_origin(options: dict) -> str:
    """Where the browser fetches media from S3 storage: the custom domain (a CDN in front of the
    bucket), else the endpoint (path-style URLs), else the bucket's own AWS host."""
    if options["custom_domain"]:
        return "https://" + options["custom_domain"].split("/")[0]
    if options["endpoint_url"]:
        endpoint = urlsplit(options["endpoint_url"])
        return f"{endpoint.scheme}://{endpoint.netloc}"
    return f"https://{options['bucket_name']}.s3.amazonaws.com"


MEDIA_ORIGINS = [s3_media_origin(MEDIA_BACKEND["OPTIONS"])] if MEDIA_STORAGE == "s3" else []

STORAGES = {
    "default": MEDIA_BACKEND,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads larger than this are refused by the ingestion and image forms.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

LOGIN_URL = "admin:login"

# Workflow e-mail (cmsproject/editorial/notifications.py): printed to the console in
# development; SMTP (DJANGO_EMAIL_HOST…) in production; tests use Django's locmem outbox.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Caravan <caravan@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address editors reach the site at, for the links in e-mails (no request to ask).
CARAVAN_SITE_URL = os.environ.get("CARAVAN_SITE_URL", "http://127.0.0.1:8000")
# Who publishes the site: the author of its feeds (an Atom feed must name one).
CARAVAN_SITE_NAME = os.environ.get("CARAVAN_SITE_NAME", "Caravan")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Proxies of ours in front of the app servers: each appends to X-Forwarded-For, so the client
# is the address this many places from its right (cmsproject.clients.client_address). 0: no
# proxy is trusted and X-Forwarded-For is never read (anyone can write it).
CARAVAN_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
# Five wrong passwords for one account from one address lock them for 15 minutes; twenty from
# one address, whatever the account names, lock the address (cmsproject.clients).
AXES_FAILURE_LIMIT = int(os.environ.get("CARAVAN_LOGIN_FAILURE_LIMIT", "5"))
CARAVAN_LOGIN_ADDRESS_LIMIT = int(os.environ.get("CARAVAN_LOGIN_ADDRESS_LIMIT", "20"))
AXES_COOLOFF_TIME = float(os.environ.get("CARAVAN_LOGIN_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "cmsproject.clients.AccountAndAddressHandler"
AXES_CLIENT_IP_CALLABLE = "cmsproject.clients.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Browser features a reader's page never needs.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
    "browsing-topics": [],
}

# Content-Security-Policy on every response (django-csp): scripts and styles only from our own
# static files, so injected markup cannot run; no inline script, no eval, no CDN. Swagger UI at
# /api/docs/ is the split view (its start-up script is a URL) and the sidecar's static files.
# Uploaded images may come from the S3 media host.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Inline *styles* (never scripts) are allowed only on pages rendered by third-party templates
# that carry style="" attributes: the Django admin (django-simple-history's history list;
# Django's own changelist <style> when a model has no actions) and DRF's browsable API
# (its toolbar and forms). The public site and /api/docs/ keep style-src 'self'.
# See cmsproject/content_security_policy.py.
CARAVAN_CSP_INLINE_STYLE_PREFIXES = ["/admin/", "/api/v1/"]

# ---- Past one machine: a shared cache and a task queue (README, "Several machines") --------
# One machine needs nothing: local memory for the cache and a queue in the database, worked by
# `manage.py worker` (which `make run` starts beside the web server). With REDIS_URL set, every
# app server shares one Redis cache (Django's own backend) and the queue moves to RQ on the same
# Redis, so web servers and workers can be added by starting more of them.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {
            # Django's Redis backend, told to answer a miss rather than fail while Redis is
            # away (cmsproject/caches.py says why): pages keep answering.
            "BACKEND": "cmsproject.caches.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CARAVAN_CACHE_PREFIX", "caravan"),
            "TIMEOUT": 60 * 60,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "caravan"}
    )
}

# database (the default without Redis), redis (the default with it; RQ), or immediate (run in
# the caller: tests and one-off scripts only).
TASK_BACKEND = os.environ.get("CARAVAN_TASK_BACKEND", "redis" if REDIS_URL else "database")
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "redis": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASK_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"CARAVAN_TASK_BACKEND must be one of {', '.join(TASK_BACKENDS)} (got {TASK_BACKEND!r})."
    )
if TASK_BACKEND == "redis" and not REDIS_URL:
    raise ImproperlyConfigured("CARAVAN_TASK_BACKEND=redis needs REDIS_URL.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASK_BACKEND], "QUEUES": ["default", "imports"]}}
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
if TASK_BACKEND == "redis":
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {
        name: {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 60 * 60} for name in ("default", "imports")
    }
# Outlets' feeds and their pages are read from public addresses only: a feed's link to a
# private or loopback address is refused (it must not make the server read its own network).
CARAVAN_FEEDS_PRIVATE_HOSTS = env_bool("CARAVAN_FEEDS_PRIVATE_HOSTS", False)
# Webhooks are POSTed to public addresses only, for the same reason, unless this allows others
# (a receiver on the newsroom's own network).
CARAVAN_WEBHOOKS_PRIVATE_HOSTS = env_bool("CARAVAN_WEBHOOKS_PRIVATE_HOSTS", False)
# Files one admin upload may carry (Django's default is 100); the import runs on a worker.
DATA_UPLOAD_MAX_NUMBER_FILES = int(os.environ.get("CARAVAN_IMPORT_MAX_FILES", "5000"))
# A job whose worker has not reported for this long is taken to be dead and is run again.
CARAVAN_JOB_STALE_AFTER = float(os.environ.get("CARAVAN_JOB_STALE_AFTER", "60"))
# How often each worker's clock submits periodic work and sweeps lost jobs.
CARAVAN_CLOCK_SECONDS = float(os.environ.get("CARAVAN_CLOCK_SECONDS", "60"))

# Open data across origins (django-cors-headers): a browser application on any site may read
# the public API, its schema, the exports, the feeds and the calendar — reading only, and
# without credentials, so that neither an editor's admin session nor a token can be used from
# another origin (the browser refuses a credentialed request to "*"). HTML pages and the admin
# send no CORS header at all.
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_URLS_REGEX = r"^/(api/v1/|api/schema/|feeds/events/|events\.ics)"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = [
    *("ETag", "Last-Modified", "Retry-After", "Content-Disposition", "Link"),
    *("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy"),
]
CORS_PREFLIGHT_MAX_AGE = 24 * 60 * 60

# The API (see cmsproject/api/): readers read published records anonymously; editors use a
# token or their session, and write what their model permissions allow.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": [
        "cmsproject.clients.AnonRateThrottle",  # keyed on cmsproject.clients.client_address
        "cmsproject.clients.UserRateThrottle",
    ],
    # Documented in SPECTACULAR_SETTINGS["DESCRIPTION"] below; a 429 carries Retry-After.
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("CARAVAN_API_ANON_RATE", "60/min"),
        "user": os.environ.get("CARAVAN_API_USER_RATE", "600/min"),
    },
    "DEFAULT_SCHEMA_CLASS": "cmsproject.editorial.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "cmsproject.editorial.api.exception_handler",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Caravan API",
    "DESCRIPTION": (
        "Caravan's records of China–Central Asia relations as data. Anonymous clients read "
        "published records (60 requests a minute); editors authenticate with "
        "`Authorization: Token …` (`manage.py api_token USERNAME`) or their admin session, "
        "read drafts with `?status=`, and write what their permissions allow (600 a minute). "
        "Every answer carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`; "
        "the schema and docs are outside the quota. Lists are paginated (`page_size` up to "
        "100). Details carry an ETag: send it back in "
        "`If-Match` when writing to avoid overwriting someone else's change (412 if stale). "
        "`/api/v1/popolo/` exports people, organizations and offices as one Popolo document. "
        "Exports: `?format=csv` (and `?format=geojson` for events and places), also at their "
        "own addresses (`/api/v1/events.csv`, `/api/v1/events/<slug>.csv`), which generated "
        "clients read as text. Sort by several keys with `ordering=a&ordering=-b` or "
        "`ordering=a,-b`; an empty URL is null."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cmsproject.editorial.api.schema.add_export_operations",
    ],
    "ENUM_NAME_OVERRIDES": {
        "EventKindEnum": "events.models.Event.Kind",
        "AgreementKindEnum": "events.models.Agreement.Kind",
        "OrganizationKindEnum": "events.models.Organization.Kind",
        "OutletKindEnum": "sources.models.Outlet.Kind",
        "AliasKindEnum": "events.models.AliasBase.Kind",
        "DatePrecisionEnum": "events.models.DatePrecision",
        "StatusEnum": "cmsproject.editorial.models.Status",
    },
}

# Revision history: who changed what, kept for every record, with revert from the admin.
SIMPLE_HISTORY_REVERT_DISABLED = False
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_AGE", str(60 * 60 * 12)))

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"

# Logs go to standard error; one JSON object a line in production (DJANGO_LOG_FORMAT=json),
# readable lines in development. Passwords, tokens and cookies are never logged by Caravan.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(status_code)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
