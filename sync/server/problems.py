"""Every error the server answers is ``application/problem+json`` (RFC 9457) with a stable code.

The body holds ``type``, ``title``, ``status``, ``code`` (stable: clients branch on it) and the
message in Chinese and English (``detail_zh``, ``detail_en``). FastAPI's own answers (its 422 for
a body that does not validate, Starlette's 404 and 405) are rewritten into the same shape, and
anything unexpected becomes a 500 whose details stay in the log.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"

_TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    426: "Upgrade Required",
    500: "Internal Server Error",
}

_CODES_BY_STATUS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
}


class ProblemError(Exception):
    """Raised anywhere in a request to answer with a problem; nothing of the request commits."""

    def __init__(
        self,
        status: int,
        code: str,
        detail_zh: str,
        detail_en: str,
        *,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {detail_en}")
        self.status = status
        self.code = code
        self.detail_zh = detail_zh
        self.detail_en = detail_en
        self.headers = dict(headers or {})


def problem_response(
    status: int,
    code: str,
    detail_zh: str,
    detail_en: str,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = {
        "type": "about:blank",
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "code": code,
        "detail_zh": detail_zh,
        "detail_en": detail_en,
    }
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def _location(loc: tuple[Any, ...]) -> str:
    parts = [str(part) for part in loc if part not in ("body", "query", "header", "path")]
    return ".".join(parts) or "body"


def describe_validation_errors(errors: list[dict[str, Any]]) -> tuple[str, str]:
    """The first few validation errors in plain words, Chinese and English."""
    shown = errors[:5]
    english = "; ".join(f"{_location(e.get('loc', ()))}: {e.get('msg', '')}" for e in shown)
    if len(errors) > len(shown):
        english += f"; and {len(errors) - len(shown)} more"
    return f"请求内容不符合协议：{english}", f"The request does not follow the protocol: {english}"


async def _on_problem(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ProblemError)
    return problem_response(
        error.status, error.code, error.detail_zh, error.detail_en, error.headers
    )


async def _on_validation(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    errors = list(error.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return problem_response(
            400,
            "malformed_json",
            "请求内容不是有效的 JSON。",
            "The request body is not valid JSON.",
        )
    detail_zh, detail_en = describe_validation_errors(errors)
    return problem_response(422, "invalid_request", detail_zh, detail_en)


async def _on_http(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    status = error.status_code
    code = _CODES_BY_STATUS.get(status, "error")
    texts = {
        404: ("没有这个地址。", "There is nothing at this address."),
        405: ("这个地址不接受这种请求方法。", "This address does not accept that method."),
    }
    detail = str(error.detail) if error.detail else _TITLES.get(status, "Error")
    detail_zh, detail_en = texts.get(status, (detail, detail))
    return problem_response(status, code, detail_zh, detail_en, error.headers)


async def _on_unexpected(request: Request, error: Exception) -> JSONResponse:
    logger.error("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
    return problem_response(
        500,
        "internal_error",
        "服务器内部错误，数据未作更改。请稍后重试。",
        "The server failed; nothing was changed. Please try again later.",
    )


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)
