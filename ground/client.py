"""Who is asking: the client's address as the trusted proxies in front of the site saw it.

Kept as our own few lines rather than django-ipware: ipware weighs many headers and prefers
public addresses, answering nothing for private or documentation ranges (an office behind NAT
would then be nobody); the site trusts exactly one header, X-Forwarded-For, read from the right
as many hops as TRUSTED_PROXY_COUNT, and nothing at all without proxies.
"""

import hashlib
import hmac
import ipaddress

from django.conf import settings


def client_ip(request):
    """The client's address: REMOTE_ADDR, or X-Forwarded-For behind trusted proxies.

    Each trusted proxy appends the address that connected to it, so with N proxies the client is
    the Nth entry from the end. Entries further left were written by the client and are ignored.
    """
    try:
        return ipaddress.ip_address(client_address_text(request))
    except ValueError:
        return None


def client_address_text(request):
    """The client's address as the trusted proxies wrote it, not yet parsed (see client_ip)."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return address


def client_network(ip):
    """The unit a client is counted as: its address, or for IPv6 its /64 (as its first address).

    An IPv6 subscriber gets a whole /64, so one person could otherwise rotate addresses.
    """
    if ip.version == 6:
        return ipaddress.ip_network(f"{ip}/64", strict=False).network_address
    return ip


def client_key(ip):
    """The name a client is counted under in the shared cache (rate limits): keyed with a key
    derived from SECRET_KEY, since a plain hash of an IPv4 address is undone by hashing all
    four billion of them."""
    if ip is None:
        return "unknown"
    key = hashlib.sha256(f"{settings.SECRET_KEY}:client-key".encode()).digest()
    return hmac.new(key, str(client_network(ip)).encode(), hashlib.sha256).hexdigest()[:32]
