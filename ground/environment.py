"""Reading settings from environment variables, with clear errors for values that can't be used."""

import json
import os

from django.core.exceptions import ImproperlyConfigured


def env(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = env(name)
    if not value:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = env(name)
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_json(name, default):
    value = env(name)
    try:
        return json.loads(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be JSON, not {value!r}.") from None


def env_secret(name):
    """A secret from NAME, or from the file NAME_FILE names (kept out of the environment a
    process list or a shell history shows; systemd's credentials are such files)."""
    path = env(f"{name}_FILE")
    if not path:
        return env(name)
    try:
        with open(path) as file:
            return file.read().strip()
    except OSError as error:
        raise ImproperlyConfigured(f"{name}_FILE can't be read: {error}") from None
