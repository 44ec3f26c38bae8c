import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.servers import PROJECT_DIR, free_port

VNU_JAR = PROJECT_DIR / "node_modules/vnu-jar/build/dist/vnu.jar"


class HtmlValidator:
    """The Nu HTML validator as a local service for the whole session: one Java start, not one
    per check (each costs seconds of CPU)."""

    def __init__(self):
        self.url = f"http://127.0.0.1:{free_port()}/?out=json"
        self.process = subprocess.Popen(
            [
                "java",
                "-cp",
                str(VNU_JAR),
                "nu.validator.servlet.Main",
                self.url.split(":")[2][:-10],
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("The Nu HTML validator did not start")
            time.sleep(0.2)

    def _answers(self):
        try:
            return self.errors_in(b"<!DOCTYPE html><html lang=en><title>x</title>") == []
        except (urllib.error.URLError, OSError):
            return False

    def errors_in(self, html):
        """The validator's errors in one document (warnings and notes left out)."""
        request = urllib.request.Request(
            self.url, data=html, headers={"Content-Type": "text/html; charset=utf-8"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            messages = json.load(response)["messages"]
        return [m for m in messages if m["type"] in {"error", "non-document-error"}]

    def errors(self, paths):
        """[(file name, line, message)] of every error in these files."""
        return [
            (Path(path).name, message.get("lastLine"), message["message"])
            for path in paths
            for message in self.errors_in(Path(path).read_bytes())
        ]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="session")
def html_validator():
    if not VNU_JAR.exists() or not shutil.which("java"):
        pytest.fail("The Nu HTML validator is missing: run `make setup` (npm and Java).")
    validator = HtmlValidator()
    yield validator
    validator.stop()
