"""Checking a Dask scheduler address before anything connects to it (no Dask import: cheap and instant)."""

from __future__ import annotations

from urllib.parse import urlsplit

from foedus.errors import FoedusError

__all__ = ["check_scheduler"]

_SCHEMES = ("tcp", "tls", "ws", "wss", "ucx")


def check_scheduler(address: str) -> str:
    """`local`, or a scheduler address such as `tcp://127.0.0.1:8786` or `host:8786` (returned as given).

    >>> check_scheduler("tcp://127.0.0.1:8786")
    'tcp://127.0.0.1:8786'
    >>> check_scheduler("127.0.0.1:99999")
    Traceback (most recent call last):
    ...
    foedus.errors.FoedusError: --scheduler '127.0.0.1:99999': the port must be between 1 and 65535

    Raises:
        FoedusError: the address is empty, has an unknown scheme, no host, no port, a port out of range, or a
            path after the port.
    """
    text = address.strip()
    if text == "local":
        return address
    shown = f"--scheduler {address[:80]!r}"
    if not text or any(c.isspace() for c in text):
        raise FoedusError(f"{shown}: give 'local' or an address such as tcp://127.0.0.1:8786")
    try:  # a bracketed host that is no IPv6 address (`[1]`, `[`) is refused here, not by the parts' properties
        parts = urlsplit(text if "://" in text else f"tcp://{text}")
    except ValueError:
        raise FoedusError(f"{shown}: not an address; give 'local' or one such as tcp://127.0.0.1:8786 (an IPv6 host "
                          "in brackets: tcp://[::1]:8786)") from None
    if parts.scheme not in _SCHEMES:
        raise FoedusError(f"{shown}: unknown protocol {parts.scheme!r}; use one of {', '.join(_SCHEMES)}")
    try:
        port = parts.port
    except ValueError:
        port = -1
    if not parts.hostname:
        raise FoedusError(f"{shown}: no host; give an address such as tcp://127.0.0.1:8786")
    if port is None:  # `myhost`, `tcp://myhost`: said as what is missing, not as a port out of range
        raise FoedusError(f"{shown}: no port; give an address such as tcp://127.0.0.1:8786")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise FoedusError(f"{shown}: an address is a host and a port, with no path after them (tcp://host:8786)")
    if not 0 < port < 65536:
        raise FoedusError(f"{shown}: the port must be between 1 and 65535")
    return address
