"""What the production steps say, read from docs/operations.md itself (so the tests that follow
them and the document can't drift): its shell blocks, their lines, the settings file and units."""

import importlib.util
import re
from importlib.machinery import SourceFileLoader
from pathlib import Path

from tests.servers import PROJECT_DIR

OPERATIONS = PROJECT_DIR / "docs/operations.md"
SITE_DIR = "/srv/ecla"
# The settings file's reader, the one deploy/manage uses (a script, not a module: loaded by path).
_loader = SourceFileLoader("deploy_manage", str(PROJECT_DIR / "deploy/manage"))
deploy_manage = importlib.util.module_from_spec(
    importlib.util.spec_from_loader("deploy_manage", _loader)
)
_loader.exec_module(deploy_manage)


def section(start, end=None):
    """docs/operations.md from the heading `start` to the heading `end` (or to its end)."""
    text = OPERATIONS.read_text().split(start, 1)[1]
    return text.split(end, 1)[0] if end else text


def blocks(text):
    return re.findall(r"```sh\n(.*?)```", text, re.DOTALL)


def lines(block):
    """Each command of a block, its trailing comment removed (a comment follows two spaces)."""
    found = [line.split("  #", 1)[0].strip() for line in block.splitlines()]
    return [line for line in found if line and not line.startswith("#")]


def production_blocks():
    """Every block of "Running in production" before its "nginx" part."""
    return blocks(section("## Running in production", "### nginx"))


def nginx_block():
    return blocks(section("### nginx", "### Several hosts"))[0]


def pgbackrest_block():
    """The block that sets pgBackRest up on the database host."""
    found = [b for b in blocks(section("## Backups and restore")) if "stanza-create" in b]
    assert len(found) == 1, "one block of docs/operations.md sets pgBackRest up"
    return found[0]


def settings_file(**values):
    """deploy/ecla-clinic.env as an admin fills it in: the template's names, these values (None
    leaves a name out), in systemd's syntax."""
    template = deploy_manage.read_environment_file(
        (PROJECT_DIR / "deploy/ecla-clinic.env").read_text()
    )
    settings = {**template, **values}
    settings = {name: value for name, value in settings.items() if value is not None}
    left = [name for name, value in settings.items() if "CHANGE-ME" in value]
    assert not left, f"the test fills in every CHANGE-ME of the template: {left}"
    return "".join(f"{name}={value}\n" for name, value in settings.items())


def unit(path):
    """A unit file's settings: each key's values in order (ExecStart= may repeat)."""
    found = {}
    for line in Path(path).read_text().splitlines():
        if "=" in line and not line.startswith(("#", ";", "[")):
            key, value = line.split("=", 1)
            found.setdefault(key.strip(), []).append(value.strip())
    return found
