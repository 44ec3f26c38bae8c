"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import functools
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import login_staff

# The live server runs in a thread beside Playwright's sync API, which Django would otherwise
# take for an async context.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PROJECT_DIR = Path(__file__).resolve().parents[3]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = PROJECT_DIR / "node_modules/axe-core/axe.min.js"
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", PROJECT_DIR / "test-artifacts/screenshots"))
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/system/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make setup`.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    """Relative page.goto() paths go to the live server.

    Also replaces pytest-playwright's own fallback fixture, a session fixture defined as an
    instance method, which pytest 9 deprecates.
    """
    return live_server.url


@functools.cache
def axe_source():
    return AXE_JS.read_text()


@pytest.fixture
def axe():
    """Runs axe-core on the page as it is now and returns its violations."""

    def run(page):
        # Evaluated through DevTools, not as a <script> in the page: the page's CSP forbids inline
        # script, and a test tool must not need the policy loosened.
        page.evaluate(axe_source())
        # Only the violations are worked out in full and sent back: the passes of a long list
        # page (every node, with its HTML) cost more than the checks themselves.
        return page.evaluate(
            """async tags => {
                const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
                const result = await axe.run(document, options);
                return result.violations.map(v =>
                    `${v.id}: ${v.help} (${v.nodes.map(n => n.target[0]).join(', ')})`);
            }""",
            AXE_TAGS,
        )

    return run


@pytest.fixture
def screenshot(request):
    def take(page, name):
        if request.config.getoption("no_screenshots"):
            return
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOT_DIR / f"{name}.png", full_page=True)

    return take


def has_horizontal_scroll(page):
    return page.evaluate(
        "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


@pytest.fixture(autouse=True)
def _quick_failures(page):
    # Everything here is local: a missing element should fail in seconds, not Playwright's 30.
    page.set_default_timeout(10_000)


@pytest.fixture
def front_desk_group(staff_groups_as_migrated):
    """The staff groups come from data migrations, which an earlier transactional test's flush
    removed: made again as the migrations made them."""
    from django.contrib.auth.models import Group, Permission

    for name, permissions in staff_groups_as_migrated:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.get_by_natural_key(*key) for key in permissions)


def sign_in_staff(page, live_server, user):
    """Signs a staff user in to the admin in this browser: the one place that knows how.

    The test client signs in and its session cookie is handed to the browser.
    """
    client = login_staff(Client(), user)
    session = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.value, "url": live_server.url}]
    )


REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", event => window.recordCspViolation(
  `${event.effectiveDirective} blocked ${event.blockedURI} on ${location.pathname}`
));
"""


@pytest.fixture
def csp_problems(page):
    """What Chromium objected to: violation events, and console messages about either policy."""
    problems = []
    page.expose_function("recordCspViolation", lambda violation: problems.append(violation))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if "Content Security Policy" in message.text or "Permissions-Policy" in message.text
            else None
        ),
    )
    return problems
