"""The request bodies the endpoints read themselves (after the token), described in the OpenAPI
document all the same: the op's wire shape is part of the contract a vendor reads."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

REF = "#/components/schemas/{model}"
_SCHEMAS: dict[str, dict[str, Any]] = {}


def request_body(model: type[BaseModel]) -> dict[str, Any]:
    """`openapi_extra` of an endpoint whose JSON body has the shape of `model`."""
    schema = model.model_json_schema(ref_template=REF)
    _SCHEMAS.update(schema.pop("$defs", {}))
    _SCHEMAS[model.__name__] = schema
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": REF.format(model=model.__name__)}}},
        }
    }


def install(app: FastAPI) -> None:
    """The app's OpenAPI document, with the schemas of the bodies read by the endpoints."""

    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(title=app.title, version="1", routes=app.routes, description=app.description)
            document.setdefault("components", {}).setdefault("schemas", {}).update(_SCHEMAS)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = build  # type: ignore[method-assign]
