"""Reading the time picker's page in the booking tests."""

import re


def offered(response):
    """The times offered, as the form sends them ("2026-12-01T10:30")."""
    return re.findall(r'name="time" value="([^"]+)"', response.content.decode())


def legends(response):
    """The days shown, one fieldset legend each."""
    return re.findall(r"<legend>(.*?)</legend>", response.content.decode())


def problem(response):
    """The message shown above the times, or "" when there is none."""
    found = re.search(r'role="alert" id="time-problem"><p>(.*?)</p>', response.content.decode())
    return found.group(1) if found else ""
