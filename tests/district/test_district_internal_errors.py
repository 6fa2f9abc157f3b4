"""An error nobody foresaw: a 500 in the contract's shape, nothing of the request in the log, and
the kept-alive connection still good for the desk's next request."""

from __future__ import annotations

import logging
import threading
import time

import httpx
import uvicorn

from mediation_desk.district.api import create_app


def test_an_unforeseen_error_answers_500_and_keeps_the_connection(tmp_path, caplog):
    app = create_app(f"sqlite:///{tmp_path / 'district.sqlite3'}")

    @app.get("/api/v1/boom")
    def boom() -> None:
        raise RuntimeError("sent by a desk: 110105194912310021")

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_config=None))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        with caplog.at_level(logging.INFO), httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
            r = c.get("/api/v1/boom")
            assert r.status_code == 500 and r.json()["error"]["code"] == "internal"
            assert "区里服务器出错" in r.json()["error"]["message"]
            assert r.headers.get("connection", "").lower() != "close"
            assert c.get("/health").status_code == 200  # the same client, the same kept-alive connection
            assert c.get("/api/v1/boom").status_code == 500
        logged = "\n".join(rec.getMessage() for rec in caplog.records)
        assert "RuntimeError" in logged and "110105194912310021" not in logged
    finally:
        server.should_exit = True
        thread.join(timeout=30)
