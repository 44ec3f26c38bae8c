import pytest


@pytest.fixture(autouse=True)
def _fast_test_settings(settings):
    """Fast hashing, and static files served from the source tree instead of a built manifest."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def empty_cache():
    """Rate limits and duplicate claims live in the cache; each test starts without any."""
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()
