"""Django settings for OpenNPS, read from the environment.

Every option has a default that works on a laptop (SQLite under the data directory); production sets
DATABASE_URL, SECRET_KEY, OPENNPS_BASE_URL and ALLOWED_HOSTS. See docs/configuration.md.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from opennps.environment import (
    data_directory,
    env_bool,
    env_int,
    env_list,
    env_str,
    persistent_secret_key,
)
from opennps.mail_settings import email_settings

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_directory()

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY") or persistent_secret_key(DATA_DIR)
BASE_URL = env_str("OPENNPS_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [BASE_URL])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "opennps.web",
    "opennps.accounts",
    "opennps.surveys",
    "opennps.contacts",
    "opennps.distribution",
    "opennps.responses",
    "opennps.channels_web",
    "opennps.work",
    "opennps.analytics",
    "opennps.reports",
    "opennps.alerts",
    "opennps.comments",
    "opennps.cases",
]

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "opennps.urls"
WSGI_APPLICATION = "opennps.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'opennps.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web app read while a worker writes; the busy timeout waits out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not memory, so tests can hand the test database to a real worker process.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}
# A database cache is shared by every web machine, so rate limits hold across a cluster.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "opennps_cache",
    }
}
# OPENNPS_CACHE_URL=redis://host:6379/0 puts that cache (rate-limit counters, sign-in locks) in
# Redis instead: shared just the same, without the ~10 SQL statements a rate-limited request
# costs the database cache. Needs the `redis` package (pip install "opennps[redis]").
OPENNPS_CACHE_URL = env_str("OPENNPS_CACHE_URL")
if OPENNPS_CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": OPENNPS_CACHE_URL,
    }
elif OPENNPS_CACHE_URL:
    raise ImproperlyConfigured(
        f"OPENNPS_CACHE_URL must start with redis://, rediss:// or unix://: {OPENNPS_CACHE_URL!r}"
    )
RATELIMIT_USE_CACHE = "default"
# Off only for load benchmarks from one address; never in production.
RATELIMIT_ENABLE = env_bool("OPENNPS_RATE_LIMITS", True)
# Behind a reverse proxy, the header that carries the client's address (e.g. HTTP_X_REAL_IP);
# without it every visitor would share the proxy's address and its rate limits.
OPENNPS_CLIENT_IP_HEADER = env_str("OPENNPS_CLIENT_IP_HEADER")
RATELIMIT_IP_META_KEY = "opennps.web.client_ip.client_ip"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ru", "Русский"),
    ("kk", "Қазақша"),
    ("bg", "Български"),
    ("zh-hans", "简体中文"),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_ROOT = DATA_DIR / "uploads"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = BASE_URL.startswith("https://")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

globals().update(email_settings(env_str("OPENNPS_SMTP_URL")))
# Messages one worker sends at once, each over its own SMTP connection (and database connection):
# sending is mostly waiting for the mail server, so a worker with one conversation sits idle.
OPENNPS_SEND_CONNECTIONS = env_int("OPENNPS_SEND_CONNECTIONS", 4)
DEFAULT_FROM_EMAIL = env_str("OPENNPS_FROM_EMAIL", "OpenNPS <opennps@localhost>")
# Inbound mail (docs/closing-the-loop.md): customers' answers to case replies are posted to
# /mail/inbound/<token>; empty token = inbound mail off. The address (optional) is where replies
# go: Reply-To becomes its plus-address naming the case (replies+case-12-<signature>@...).
OPENNPS_INBOUND_MAIL_TOKEN = env_str("OPENNPS_INBOUND_MAIL_TOKEN")
OPENNPS_INBOUND_MAIL_ADDRESS = env_str("OPENNPS_INBOUND_MAIL_ADDRESS")
# SMS for workspaces without SMS settings of their own (docs/distribution.md, "SMS").
OPENNPS_SMS_PROVIDER = env_str("OPENNPS_SMS_PROVIDER")  # "twilio", "http" or empty (no SMS)
OPENNPS_SMS_SENDER = env_str("OPENNPS_SMS_SENDER")
OPENNPS_SMS_BASE_URL = env_str("OPENNPS_SMS_BASE_URL", "https://api.twilio.com")
OPENNPS_SMS_ACCOUNT_SID = env_str("OPENNPS_SMS_ACCOUNT_SID")
OPENNPS_SMS_AUTH_TOKEN = env_str("OPENNPS_SMS_AUTH_TOKEN")
OPENNPS_SMS_HTTP_URL = env_str("OPENNPS_SMS_HTTP_URL")
OPENNPS_SMS_HTTP_METHOD = env_str("OPENNPS_SMS_HTTP_METHOD", "POST")
OPENNPS_SMS_HTTP_BODY = env_str("OPENNPS_SMS_HTTP_BODY", '{"to": "{to}", "text": "{text}"}')
OPENNPS_SMS_HTTP_CONTENT_TYPE = env_str("OPENNPS_SMS_HTTP_CONTENT_TYPE", "application/json")
# Webhooks, chat messages and workspace SMS gateways post to URLs people type in; by default
# never to loopback, private, link-local or reserved addresses (no reaching into this network).
OPENNPS_WEBHOOK_ALLOW_PRIVATE = env_bool("OPENNPS_WEBHOOK_ALLOW_PRIVATE", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
