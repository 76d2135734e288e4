"""The client's address behind trusted proxies (3(e)): X-Forwarded-For is believed only from configured proxies."""

import ipaddress

import pytest

from zeroerror.core.netaddr import client_address, in_networks

PROXY = [ipaddress.ip_network("10.0.0.2/32")]
TWO_PROXIES = [ipaddress.ip_network("10.0.0.0/24")]


def test_without_trusted_proxies_the_header_is_ignored():
    assert client_address("10.0.0.2", "203.0.113.9", []) == "10.0.0.2"


def test_a_client_cannot_forge_its_address_by_sending_the_header_itself():
    assert client_address("198.51.100.7", "1.2.3.4", PROXY) == "198.51.100.7"


def test_behind_the_proxy_the_nearest_untrusted_hop_is_the_client():
    # the client sent a forged "1.2.3.4"; nginx appended the address it saw
    assert client_address("10.0.0.2", "1.2.3.4, 198.51.100.7", PROXY) == "198.51.100.7"


def test_a_chain_of_trusted_proxies_is_walked_through():
    assert client_address("10.0.0.2", "198.51.100.7, 10.0.0.3", TWO_PROXIES) == "198.51.100.7"


@pytest.mark.parametrize("header", ["", "not-an-address", " , "])
def test_a_missing_or_malformed_header_leaves_the_proxy_address(header):
    assert client_address("10.0.0.2", header, PROXY) == "10.0.0.2"


def test_addresses_with_ports_and_mapped_ipv6_are_understood():
    assert client_address("10.0.0.2", "[2001:db8::1]:4711", PROXY) == "2001:db8::1"
    assert in_networks("::ffff:10.0.0.2", PROXY)
    assert not in_networks("garbage", PROXY)
