import pytest

from tests.servers import manage, server_env


@pytest.fixture(autouse=True)
def _fast_test_settings(settings):
    """Fast hashing, static files from the source tree, no content page kept from a test before."""
    from ground import kept

    kept.store.clear()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _no_cache_outage_logged_yet():
    """Cache failures are logged once a minute per process: each test starts with none logged."""
    from ground import limits

    limits._last_logged.clear()


@pytest.fixture
def empty_cache():
    """Rate limits and duplicate claims live in the cache; each test starts without any."""
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """`collectstatic` once for every test that starts a production-like server (it compresses
    every file twice, gzip and Brotli: seconds each time). The README's own steps still run it
    themselves (tests/test_production_steps.py)."""
    root = tmp_path_factory.mktemp("static")
    manage(["collectstatic", "--no-input"], server_env(root))
    return root
