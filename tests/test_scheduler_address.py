"""A Dask scheduler address with a bracketed host that is no IPv6 address (`[1]`, `tcp://[`) is refused in one
line: urlsplit raised a ValueError that `foedus atlas --scheduler '[1]'` reported as an internal error (exit 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import FoedusError
from foedus.sweeps.dask_address import check_scheduler
from test_input_messages import _error_line

NOT_AN_ADDRESS = ("not an address; give 'local' or one such as tcp://127.0.0.1:8786 (an IPv6 host in brackets: "
                  "tcp://[::1]:8786)")


@pytest.mark.parametrize("address", ["[1]", "tcp://[", "]x:8786", "tls://[nope]:8786"])
def test_a_bracketed_host_that_is_no_ipv6_address_is_refused(address: str) -> None:
    with pytest.raises(FoedusError) as caught:
        check_scheduler(address)
    assert str(caught.value) == f"--scheduler {address!r}: {NOT_AN_ADDRESS}"
    assert check_scheduler("tcp://[::1]:8786") == "tcp://[::1]:8786"  # an IPv6 host is still taken


def test_the_command_line_refuses_it_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert _error_line(["atlas", "--from", "2000", "--to", "2000", "--out", "a", "--scheduler", "[1]"]) == (
        f"--scheduler '[1]': {NOT_AN_ADDRESS}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("address", "said"), [
    ("myhost", "no port; give an address such as tcp://127.0.0.1:8786"),
    ("tcp://10.0.0.1", "no port; give an address such as tcp://127.0.0.1:8786"),
    ("x" * 100, "no port; give an address such as tcp://127.0.0.1:8786"),
    ("tcp://10.0.0.1:8786/status", "an address is a host and a port, with no path after them (tcp://host:8786)"),
    ("10.0.0.1:8786?x=1", "an address is a host and a port, with no path after them (tcp://host:8786)"),
    ("10.0.0.1:8786#x", "an address is a host and a port, with no path after them (tcp://host:8786)"),
])
def test_an_address_without_a_port_or_with_a_path_says_so(address: str, said: str) -> None:
    """'myhost' (no port) and 'tcp://h:8786/status' (a path) were told "the port must be between 1 and 65535"."""
    with pytest.raises(FoedusError) as caught:
        check_scheduler(address)
    assert str(caught.value) == f"--scheduler {address[:80]!r}: {said}"
    assert check_scheduler("10.0.0.1:8786/") == "10.0.0.1:8786/"  # a bare trailing slash is still taken
