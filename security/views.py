"""Content-Security-Policy violation reports: browsers tell us what the policy blocked.

One log line per report, however many violations it holds, naming the directive, the blocked
address and the page of the first few, all without query strings or fragments (the admin's
search puts patients' numbers in its query string) and without a visit link's token or a
feed's key.
"""

import json
import logging
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ground.limits import count_hit
from ground.logs import redacted

logger = logging.getLogger(__name__)

# `report-uri` sends one report as application/csp-report (some browsers label it
# application/json); the Reporting API (`report-to`) sends a list as application/reports+json.
SINGLE_REPORT_TYPES = {"application/csp-report", "application/json"}
REPORT_LIST_TYPE = "application/reports+json"
# How many violations of one report its log line names; the rest are counted.
NAMED_PER_LINE = 3


class MalformedReport(ValueError):
    pass


@csrf_exempt  # browsers send reports without a token, and a report changes nothing
@require_POST
def csp_report(request):
    hits = count_hit("csp-report", request, settings.CSP_REPORT_RATE_WINDOW_SECONDS)
    if hits > settings.CSP_REPORT_RATE_LIMIT:
        return HttpResponse(status=429)

    limit = settings.CSP_REPORT_MAX_BYTES
    try:
        declared_length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return HttpResponseBadRequest()
    if declared_length > limit:
        return HttpResponseBadRequest()
    body = request.read(limit + 1)
    if len(body) > limit:
        return HttpResponseBadRequest()

    try:
        found = violations(request.content_type, body)
    except MalformedReport:
        return HttpResponseBadRequest()

    if len(found) == 1:
        logger.warning("CSP violation: %s blocked %s on %s", *found[0])
    elif found:
        named = "; ".join(
            f"{directive} blocked {blocked} on {page}"
            for directive, blocked, page in found[:NAMED_PER_LINE]
        )
        unnamed = len(found) - NAMED_PER_LINE
        more = f" (and {unnamed} more)" if unnamed > 0 else ""
        logger.warning("CSP violations: %d in one report: %s%s", len(found), named, more)
    return HttpResponse(status=204)


def violations(content_type, body):
    """(directive, blocked address, page address) of each violation the body reports."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise MalformedReport from None

    if content_type in SINGLE_REPORT_TYPES:
        report = data.get("csp-report") if isinstance(data, dict) else None
        if not isinstance(report, dict):
            raise MalformedReport
        return [
            described(
                report.get("effective-directive") or report.get("violated-directive"),
                report.get("blocked-uri"),
                report.get("document-uri"),
            )
        ]

    if content_type == REPORT_LIST_TYPE:
        if not isinstance(data, list) or not all(
            isinstance(item, dict) and isinstance(item.get("body"), dict) for item in data
        ):
            raise MalformedReport
        return [
            described(
                item["body"].get("effectiveDirective"),
                item["body"].get("blockedURL"),
                item["body"].get("documentURL"),
            )
            for item in data
            if item.get("type") == "csp-violation"
        ]

    raise MalformedReport


def described(directive, blocked, document):
    return (printable(directive, 40), without_query(blocked), without_query(document))


def without_query(address):
    """The address without query string, fragment, user name or a secret in its path (a visit
    link's token, a feed's key): safe to keep in a log."""
    if not isinstance(address, str):
        return "-"
    try:
        parts = urlsplit(address.strip())
    except ValueError:
        return "-"
    if parts.scheme in {"data", "blob", "filesystem"}:
        return parts.scheme  # the rest is content, not an address
    host = parts.netloc.rpartition("@")[2]
    return printable(redacted(urlunsplit((parts.scheme, host, parts.path, "", ""))), 300)


def printable(value, length):
    """A value from the report as one short log field: no line breaks for a forged log line."""
    if not isinstance(value, str):
        return "-"
    text = "".join(char for char in value if char.isprintable() and not char.isspace())
    return text[:length] or "-"
