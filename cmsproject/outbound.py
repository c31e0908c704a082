"""Requests the server makes to addresses others give it (outlets' feeds, webhooks).

Such an address must not make the server read its own network — a database, a cloud's metadata
service — so connections go to public addresses only, checked on the address actually
connected to (a name that resolves to 127.0.0.1 is refused too), unless a setting allows
private ones (a newsroom's intranet, the tests' loopback server). HTTP and HTTPS only, and no
proxy taken from the environment.
"""

from __future__ import annotations

import functools
import http.client
import ipaddress
import urllib.request


class PrivateAddress(OSError):
    """The address is private, loopback or otherwise not on the public internet."""


class _PublicOnly(http.client.HTTPConnection):
    def __init__(self, *args, allow_private: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.allow_private = allow_private

    def connect(self) -> None:
        super().connect()
        if self.allow_private:
            return
        address = ipaddress.ip_address(self.sock.getpeername()[0].split("%")[0])
        mapped = getattr(address, "ipv4_mapped", None)
        if not (mapped or address).is_global:
            self.sock.close()
            raise PrivateAddress(f"{self.host} is a private or local address ({address})")


class _HTTPConnection(_PublicOnly):
    pass


class _HTTPSConnection(http.client.HTTPSConnection, _PublicOnly):
    pass  # HTTPSConnection.connect calls _PublicOnly's before its TLS handshake


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def http_open(self, req):
        return self.do_open(
            functools.partial(_HTTPConnection, allow_private=self.allow_private), req
        )


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def https_open(self, req):
        return self.do_open(
            functools.partial(_HTTPSConnection, allow_private=self.allow_private),
            req,
            context=self._context,
        )


def opener(*, allow_private: bool, follow_redirects: bool = True) -> urllib.request.OpenerDirector:
    """An opener for HTTP and HTTPS (redirects too, when followed: each hop is checked)."""
    handlers: list = [_HTTPHandler(allow_private), _HTTPSHandler(allow_private)]
    if follow_redirects:
        handlers.append(urllib.request.HTTPRedirectHandler())
    handlers += [urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor()]
    director = urllib.request.OpenerDirector()
    for handler in handlers:
        director.add_handler(handler)
    return director
