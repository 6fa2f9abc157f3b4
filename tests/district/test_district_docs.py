"""The API documentation pages (`serve --docs`): off by default, and served wholly by the server."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import httpx
import pytest
from district_server import DistrictServer

PAGES = ("/docs", "/redoc")
ATTRIBUTE_URL = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
OTHER_HOST = re.compile(r"(?:https?:)?//[\w.-]+\.\w", re.IGNORECASE)
SCRIPT_URL = re.compile(r"""\burl\s*:\s*['"]([^'"]+)['"]|spec-url=["']([^"']+)["']""")


class DocsServer(DistrictServer):
    def command(self) -> list[str]:
        return [*super().command(), "--docs"]


@pytest.fixture
def docs_server(tmp_path: Path):
    server = DocsServer(f"sqlite:///{tmp_path / 'district.sqlite3'}", log_path=tmp_path / "server.log")
    with server:
        yield server


def test_no_documentation_unless_turned_on(tmp_path):
    with DistrictServer(f"sqlite:///{tmp_path / 'district.sqlite3'}", log_path=tmp_path / "server.log") as server:
        for path in (*PAGES, "/openapi.json", "/docs/assets/swagger-ui-bundle.js", "/docs/oauth2-redirect"):
            r = httpx.get(f"{server.url}{path}", timeout=30)
            assert r.status_code == 404, path
            assert r.json()["error"]["code"] == "not_found"


def test_documentation_pages_load_only_from_the_server_itself(docs_server):
    base = docs_server.url
    for page in PAGES:
        r = httpx.get(f"{base}{page}", timeout=30)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), page
        html = r.text
        # No address of another host anywhere in the page: nothing loads from a CDN or font host.
        assert not OTHER_HOST.search(html), page
        policy = r.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "connect-src 'self'" in policy
        assets = ATTRIBUTE_URL.findall(html)
        assert any(a.endswith(".js") for a in assets), (page, assets)
        for asset in assets:
            assert asset.startswith("/") and not asset.startswith("//"), asset
            got = httpx.get(urljoin(base, asset), timeout=30)
            assert got.status_code == 200 and len(got.content) > 100, asset
        # The document the page asks for is the server's own, and describes an op.
        (spec,) = {a or b for a, b in SCRIPT_URL.findall(html)}
        assert spec == "/openapi.json"
        document = httpx.get(urljoin(base, spec), timeout=30).json()
        assert "OpBody" in document["components"]["schemas"]
        assert not [p for p in document["paths"] if p.startswith(("/metrics", "/docs", "/redoc"))]
    js = httpx.get(f"{base}/docs/assets/swagger-ui-bundle.js", timeout=30)
    assert "javascript" in js.headers["content-type"]


def test_documentation_assets_refuse_paths_outside_their_folder(docs_server):
    for path in ("/docs/assets/../../../etc/passwd", "/docs/assets/%2e%2e/%2e%2e/etc/passwd", "/docs/assets/nope.js"):
        r = httpx.get(f"{docs_server.url}{path}", timeout=30)
        assert r.status_code == 404, (path, r.text[:200])
        assert "root:" not in r.text
    assert httpx.post(f"{docs_server.url}/docs", timeout=30).status_code == 405
