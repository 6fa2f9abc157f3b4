"""The API's documentation pages (`serve --docs`): Swagger UI at /docs and ReDoc at /redoc.

Their scripts and styles are served by the server itself from the files the `fastapi-offline`
package ships: a district server is often reachable from village networks only, and a page that
loaded code from a public CDN would run whatever that host sends beside the server's own API.
A Content-Security-Policy holds the pages to the server's own address."""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_PATH, REDOC_PATH, ASSETS_PATH = "/docs", "/redoc", "/docs/assets"
ASSETS_DIR = Path(fastapi_offline.__file__).resolve().parent / "static"
# Inline: the few lines that start each page (FastAPI's templates). blob: ReDoc's search worker.
_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'"
)
_HEADERS = {"Content-Security-Policy": _POLICY, "Cache-Control": "no-store"}


def install(app: FastAPI) -> None:
    """Serve the documentation pages if the app publishes its OpenAPI document, else nothing."""
    openapi_url = app.openapi_url
    if openapi_url is None:
        return
    if not (ASSETS_DIR / "swagger-ui-bundle.js").is_file():
        raise RuntimeError(f"Swagger UI files missing from {ASSETS_DIR}: reinstall fastapi-offline")
    app.mount(ASSETS_PATH, StaticFiles(directory=ASSETS_DIR), name="docs-assets")
    title = app.title

    @app.get(DOCS_PATH, include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{title} — 接口文档",
            swagger_js_url=f"{ASSETS_PATH}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_PATH}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS_PATH}/favicon.png",
            # No validator badge: Swagger UI would send the whole document to a public validator.
            swagger_ui_parameters={"validatorUrl": None},
        )
        return HTMLResponse(page.body, headers=_HEADERS)

    @app.get(REDOC_PATH, include_in_schema=False)
    def redoc() -> HTMLResponse:
        page = get_redoc_html(
            openapi_url=openapi_url,
            title=f"{title} — 接口文档",
            redoc_js_url=f"{ASSETS_PATH}/redoc.standalone.js",
            redoc_favicon_url=f"{ASSETS_PATH}/favicon.png",
            with_google_fonts=False,
        )
        return HTMLResponse(page.body, headers=_HEADERS)
