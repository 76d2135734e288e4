"""Which address a request comes from, behind trusted proxies (pure: no Django imports).

``X-Forwarded-For`` is written by whoever sends the request, so it is believed only when the connection comes from a
configured proxy, and then only up to the first hop that is not itself a trusted proxy: the list is read from the
right (the address the nearest proxy saw) leftwards, skipping trusted proxies. Without trusted proxies the header is
ignored and the connection's own address is the client's.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [::1]:port
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # 10.0.0.1:port
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def in_networks(address: str, networks: Iterable[IPNetwork]) -> bool:
    parsed = parse_address(address)
    return parsed is not None and any(parsed in network for network in networks)


def client_address(remote_addr: str, forwarded_for: str, trusted_proxies: Iterable[IPNetwork]) -> str:
    """The client's address: ``remote_addr`` unless it is a trusted proxy, then the nearest untrusted hop of
    ``forwarded_for`` (a malformed hop stops the walk at the last good one)."""
    trusted = list(trusted_proxies)
    if not trusted or not forwarded_for or not in_networks(remote_addr, trusted):
        return remote_addr
    client = remote_addr
    for hop in reversed([part for part in forwarded_for.split(",") if part.strip()]):
        parsed = parse_address(hop)
        if parsed is None:
            break
        client = str(parsed)
        if not any(parsed in network for network in trusted):
            break
    return client
