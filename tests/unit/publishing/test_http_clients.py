"""The Graph client and the WebDAV host against the fake servers: headers, time-outs, errors, no leaks."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from takeover_planner.errors import ValidationError
from takeover_planner.instagram.errors import Family, GraphError, TransportError
from takeover_planner.instagram.graph_client import USER_AGENT, GraphClient, TokenAuth, check_base_url
from takeover_planner.publishing.errors import HostingError
from takeover_planner.publishing.hosting import WebDavConfig, WebDavHost, new_hosted_name
from takeover_planner.texts.instagram import InstagramText
from takeover_planner.texts.publishing import PublishingText
from tests.fakes.fake_graph import Container, Failure, FakeInstagram, FakeWebDav


@pytest.fixture
def fake() -> Iterator[FakeInstagram]:
    server = FakeInstagram().start()
    yield server
    server.stop()
    assert server.server_errors == []


@pytest.fixture
def dav() -> Iterator[FakeWebDav]:
    server = FakeWebDav().start()
    yield server
    server.stop()
    assert server.server_errors == []


def _client(fake: FakeInstagram, timeout: tuple[float, float] = (2.0, 2.0)) -> GraphClient:
    return GraphClient(fake.base_url, fake.version, fake.token, timeout=timeout)


def test_the_token_goes_in_the_authorization_header_with_a_user_agent(fake: FakeInstagram) -> None:
    client = _client(fake)
    data = client.get("me", {"fields": "user_id,username"}).data
    assert data["username"] == fake.username
    seen = fake.requests[-1]
    assert seen.authorization == f"Bearer {fake.token}"
    assert fake.token not in seen.path + seen.query
    assert fake.token not in repr(client) and fake.token not in repr(TokenAuth(fake.token))
    with pytest.raises(ValidationError):
        client.get("me", {"access_token": fake.token})
    client.session.close()


def test_the_user_agent_is_sent() -> None:
    captured: dict[str, str] = {}
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            captured["ua"] = self.headers.get("User-Agent", "")
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args: object) -> None:
            return

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    client = GraphClient(f"http://127.0.0.1:{server.server_address[1]}", "v25.0", "IGAA" + "t" * 30)
    client.get("me")
    thread.join(5)
    server.server_close()
    client.session.close()
    assert captured["ua"] == USER_AGENT


@pytest.mark.parametrize(
    "url",
    ["http://graph.example.com", "ftp://127.0.0.1", "https://user:pw@graph.facebook.com", "https://x?y=1", "nonsense"],
)
def test_the_token_never_travels_in_clear_text_or_to_odd_addresses(url: str) -> None:
    with pytest.raises(ValidationError):
        check_base_url(url)


def test_good_addresses_are_accepted() -> None:
    assert check_base_url("https://graph.instagram.com/") == "https://graph.instagram.com"
    assert check_base_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080"
    assert check_base_url("http://localhost:1") == "http://localhost:1"


def test_meta_errors_become_classified_errors_without_the_token(fake: FakeInstagram) -> None:
    fake.fail_next("me", Failure(190, 463, 401, f"Session has expired for token {fake.token}"))
    client = _client(fake)
    with pytest.raises(GraphError) as caught:
        client.get("me")
    error = caught.value
    assert error.family == Family.TOKEN and error.http_status == 401
    assert error.code == InstagramText.GRAPH_ERROR and error.params["meta_code"] == "190/463"
    assert error.details["family"] == "token"
    assert fake.token not in str(error) and fake.token not in error.technical
    assert "[token]" in error.technical
    client.session.close()


def test_no_answer_is_a_transport_error_that_says_whether_the_request_may_have_arrived(fake: FakeInstagram) -> None:
    fake.containers["1"] = Container("1", fake.ig_user_id, "image", False, status="FINISHED", uploaded=True)
    fake.publish_modes.append("slow")
    fake.slow_seconds = 1.0
    client = _client(fake, timeout=(2.0, 0.3))
    with pytest.raises(TransportError) as caught:
        client.post(f"{fake.ig_user_id}/media_publish", {"creation_id": "1"})
    assert caught.value.may_have_been_received is True
    client.session.close()
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    closed = GraphClient(f"http://127.0.0.1:{port}", "v25.0", fake.token, timeout=(1.0, 1.0))
    with pytest.raises(TransportError) as refused:
        closed.post("1/media_publish", {"creation_id": "1"})
    assert refused.value.may_have_been_received is False
    closed.session.close()


# --- the WebDAV host --------------------------------------------------------------------------------------


def _host(dav: FakeWebDav, password: str | None = None) -> WebDavHost:
    return WebDavHost(WebDavConfig(dav.upload_url, dav.public_url, dav.username),
                      dav.password if password is None else password, timeout=(2.0, 2.0))


def test_upload_under_an_unguessable_name_then_delete(dav: FakeWebDav, tmp_path: Path) -> None:
    local = tmp_path / "frame"
    local.write_bytes(b"\xff\xd8\xff" + b"x" * 100)
    host = _host(dav)
    name = new_hosted_name(".jpg")
    url = host.upload(local, name)
    assert url == f"{dav.public_url}/{name}" and host.exists(name)
    assert dav.files[name] == local.read_bytes()
    put = next(r for r in dav.requests if r.method == "PUT")
    assert dav.password not in put.path + put.query and put.authorization.startswith("Basic ")
    host.delete(name)
    host.delete(name)  # already gone: fine
    assert not host.exists(name) and dav.files == {}
    names = {new_hosted_name(".jpg") for _ in range(200)}
    assert len(names) == 200 and all(len(n) >= 32 and n.endswith(".jpg") for n in names)
    assert new_hosted_name(".exe").endswith(tuple("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"))


def test_a_wrong_password_is_a_permanent_hosting_error(dav: FakeWebDav, tmp_path: Path) -> None:
    local = tmp_path / "f.jpg"
    local.write_bytes(b"data")
    with pytest.raises(HostingError) as caught:
        _host(dav, password="wrong-password-123").upload(local, "a.jpg")
    assert caught.value.permanent and caught.value.code == PublishingText.HOST_LOGIN_REFUSED
    dav.put_failures.append(500)
    with pytest.raises(HostingError) as temporary:
        _host(dav).upload(local, "b.jpg")
    assert not temporary.value.permanent


def test_the_hosting_check_finds_a_public_address_that_does_not_work(dav: FakeWebDav) -> None:
    assert "deleted again" in _host(dav).check()
    dav.public_hidden = True
    with pytest.raises(HostingError) as caught:
        _host(dav).check()
    assert caught.value.code == PublishingText.HOST_NOT_VISIBLE
    assert dav.files == {}, "the test file is removed either way"


@pytest.mark.parametrize(
    ("upload", "public"),
    [("http://files.example.no/dav", "https://files.example.no/pub"),
     ("https://files.example.no/dav", "https://u:p@files.example.no/pub"),
     ("https://files.example.no/dav", "files.example.no/pub")],
)
def test_hosting_addresses_are_checked(upload: str, public: str) -> None:
    with pytest.raises(ValidationError):
        WebDavConfig(upload, public).validated()
