"""Requests to URLs people type in (webhooks, chat messages, workspace SMS gateways).

A URL from a workspace admin must not reach into the network OpenNPS runs in (a cloud metadata
service, a database, an admin page on localhost): unless OPENNPS_WEBHOOK_ALLOW_PRIVATE is true,
hosts that resolve to loopback, private, link-local, shared or reserved addresses are refused.
The check runs twice: when the URL is saved (a clear form error) and on the socket actually
connected (so a name that resolves elsewhere at send time, DNS rebinding, is refused too).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


class ForbiddenDestination(ValueError):
    """The URL's host is (or resolves to) an address OpenNPS does not post to."""

    def __init__(self, host: str, address: str) -> None:
        self.host = host
        self.address = address
        self.message = _(
            "%(host)s resolves to %(address)s, a private or reserved address: refused "
            "(OPENNPS_WEBHOOK_ALLOW_PRIVATE=True allows it)."
        ) % {"host": host[:60], "address": address}
        super().__init__(self.message)


def private_allowed() -> bool:
    return bool(getattr(settings, "OPENNPS_WEBHOOK_ALLOW_PRIVATE", False))


def is_forbidden_address(address: str) -> bool:
    """Whether ``address`` (IPv4 or IPv6 text) is anything but a global unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        not ip.is_global
        or ip.is_multicast
        or ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_unspecified
    )


def check_destination(url: str) -> None:
    """Raise ForbiddenDestination if the URL's host resolves to a forbidden address.

    A host that does not resolve now passes (the receiver may not exist yet); the connection
    check refuses it later if it then resolves inward.
    """
    if private_allowed():
        return
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, ValueError, UnicodeError):
        return
    for info in infos:
        address = str(info[4][0])
        if is_forbidden_address(address):
            raise ForbiddenDestination(host, address)


def _guarded_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
    sock = socket.create_connection(address, *args, **kwargs)
    if not private_allowed():
        peer = str(sock.getpeername()[0])
        if is_forbidden_address(peer):
            sock.close()
            raise ForbiddenDestination(address[0], peer)
    return sock


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # http.client sets this per instance; HTTPS wraps the socket after it is checked.
        self._create_connection = _guarded_connection


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _guarded_connection


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_GuardedHTTPConnection, req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_GuardedHTTPSConnection, req, context=self._context)


def guarded_opener(*handlers: urllib.request.BaseHandler) -> urllib.request.OpenerDirector:
    """An opener whose every connection is checked; no proxy from the environment, so the
    address checked is the receiver's own."""
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _GuardedHTTPHandler, _GuardedHTTPSHandler, *handlers
    )
