"""HTTP to the district server: httpx with timeouts, verified TLS (a custom CA accepted),
retries with exponential backoff for connection failures only (tenacity), and the contract's
error answers turned into the desk's errors.

Retrying is safe: pushes are deduplicated by op id on the server and pulls only read. A refused
request (4xx), a server error or a certificate that does not verify is never retried; a request
refused for coming too often (429) is not retried either: the round reports when to try again
(`RateLimited.retry_after_s`, from the answer's `Retry-After`).

Every answer to the device says whether the district wants its token renewed (`renew_due`); the
sync round renews it (`renew_token`) and switches to the new one (`use_token`) once it is stored."""

from __future__ import annotations

import ipaddress
import re
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import orjson
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from mediation_desk.core import sync_contract as contract
from mediation_desk.errors import ValidationError
from mediation_desk.sync.errors import (
    DeviceRefused,
    OutOfScope,
    RateLimited,
    ServerFailure,
    ServerUnreachable,
    SyncError,
    TlsFailure,
)

USER_AGENT = "mediation-desk-sync/1"
MAX_TOKEN_LEN = 200
_HOST = re.compile(r"[A-Za-z0-9.\-_:]+")  # a name (IDNA-encoded), IPv4 or IPv6
ENROLLMENT_CODE_ERRORS = {
    contract.ERROR_CODE_UNKNOWN: "登记码不存在，请核对后重新输入（注意区分数字 0 和字母 O）",
    contract.ERROR_CODE_EXPIRED: "登记码已过期，请向区社会治理中心索取新的登记码",
    contract.ERROR_CODE_USED: "登记码已被使用过（每个登记码只能用一次），请索取新的登记码",
}


@dataclass(frozen=True)
class TransportOptions:
    connect_timeout: float = 5.0
    timeout: float = 60.0  # a large first pull page or push batch on a slow line
    attempts: int = 4  # tries for a request whose connection failed
    backoff_first: float = 0.5  # seconds before the second try, doubling up to backoff_max
    backoff_max: float = 8.0


DEFAULT_OPTIONS = TransportOptions()


def normalise_server_url(text: str | None) -> str:
    """The server's base address, checked: https (http only for this PC itself), a host, no
    query. Refused with a message naming the field and the rule."""
    raw = (text or "").strip()
    if not raw:
        raise ValidationError.single("server_url", "required", "请填写区服务器地址，例如 https://sync.example.gov.cn")
    try:
        url = httpx.URL(raw)
    except (httpx.InvalidURL, ValueError):
        raise ValidationError.single("server_url", "url_format", f"区服务器地址格式不对：{raw}") from None
    if url.scheme not in ("http", "https") or not url.host or not _HOST.fullmatch(url.raw_host.decode("ascii")):
        raise ValidationError.single("server_url", "url_format", f"区服务器地址须以 https:// 开头并包含主机名：{raw}")
    if url.scheme == "http" and not _is_loopback(url.host):
        raise ValidationError.single(
            "server_url",
            "url_https",
            "区服务器地址须使用 https://（设备令牌不能明文传输）；只有本机上的服务器可用 http://",
        )
    if url.query or url.fragment:
        raise ValidationError.single("server_url", "url_format", "区服务器地址不能带“?”或“#”后面的内容")
    return str(url.copy_with(path=url.path.rstrip("/") or "")).rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_ca_bundle(pem: str, field: str = "ca_bundle") -> str:
    """PEM text of trusted certificates; refused unless OpenSSL can load it."""
    try:
        ssl.create_default_context(cadata=pem)
    except (ssl.SSLError, ValueError, TypeError):
        raise ValidationError.single(
            field, "ca_bundle_invalid", "CA 证书文件无法读取：须为 PEM 格式（以 -----BEGIN CERTIFICATE----- 开头）"
        ) from None
    return pem


def _verify(ca_pem: str | None) -> ssl.SSLContext | bool:
    if not ca_pem:
        return True  # the system's trusted authorities (certifi)
    ctx = ssl.create_default_context()
    ctx.load_verify_locations(cadata=ca_pem)  # trusted in addition to the usual ones
    return ctx


def _tls_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _connection_failed(exc: BaseException) -> bool:
    """Worth another try: the connection could not be made or broke (not TLS, not an answer)."""
    if _tls_failure(exc):
        return False
    return isinstance(
        exc,
        (
            httpx.ConnectError,
            httpx.ConnectTimeout,
            httpx.ReadError,
            httpx.WriteError,
            httpx.RemoteProtocolError,
            httpx.PoolTimeout,
        ),
    )


class DistrictClient:
    """One server, one device token; every call returns the decoded JSON answer."""

    def __init__(
        self,
        server_url: str,
        *,
        token: str | None = None,
        ca_pem: str | None = None,
        options: TransportOptions = DEFAULT_OPTIONS,
    ) -> None:
        self.server_url = server_url
        self.options = options
        self.token = token  # the device token the requests carry (never logged)
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = httpx.Client(
            base_url=server_url,
            headers=headers,
            verify=_verify(ca_pem),
            follow_redirects=False,
            timeout=httpx.Timeout(options.timeout, connect=options.connect_timeout),
        )
        # What the district's last answer said of the token (contract.TOKEN_*_HEADER).
        self.renew_due = False
        self.token_expires_at: str | None = None

    def __enter__(self) -> DistrictClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # ---- the contract's endpoints -------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        return self._call("GET", contract.HEALTH_PATH)

    def enroll(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._call("POST", contract.ENROLL_PATH, json=body)

    def push(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        answer = self._call("POST", contract.PUSH_PATH, json={"ops": ops})
        results = answer.get("results")
        if not isinstance(results, list):
            raise ServerFailure("推送的回答缺少逐条结果")
        return results

    def pull(self, after: int, limit: int) -> dict[str, Any]:
        answer = self._call("GET", contract.PULL_PATH, params={"after": after, "limit": limit})
        if not isinstance(answer.get("changes"), list) or not isinstance(answer.get("next_cursor"), int):
            raise ServerFailure("拉取的回答格式不对")
        return answer

    def reference(self) -> dict[str, Any]:
        return self._call("GET", contract.REFERENCE_PATH)

    def take_over(self, case_id: str) -> dict[str, Any]:
        """A town's device takes over a case escalated to its town."""
        return self._call("POST", contract.take_over_path(case_id))

    # A town's desk and the green coins (镇级审核、兑换冲突): read and answered online.
    def town_declarations(self, status: str, after: str | None, limit: int) -> dict[str, Any]:
        params = {"status": status, "limit": limit, **({"after": after} if after else {})}
        return self._call("GET", contract.TOWN_DECLARATIONS_PATH, params=params)

    def town_review(self, declaration_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return self._call("POST", contract.town_review_path(declaration_id), json=body)

    def town_conflicts(self, status: str, after: str | None, limit: int) -> dict[str, Any]:
        params = {"status": status, "limit": limit, **({"after": after} if after else {})}
        return self._call("GET", contract.TOWN_CONFLICTS_PATH, params=params)

    def resolve_conflict(self, conflict_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return self._call("POST", contract.conflict_resolve_path(conflict_id), json=body)

    # A town's desk and the site codes (一单一码): tasks and conversion rates, online.
    def town_site_tasks(self, status: str, after: str | None, limit: int) -> dict[str, Any]:
        params = {"status": status, "limit": limit, **({"after": after} if after else {})}
        return self._call("GET", contract.TOWN_SITE_TASKS_PATH, params=params)

    def close_site_task(self, task_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return self._call("POST", contract.site_task_close_path(task_id), json=body)

    def town_site_rates(self, month: str) -> dict[str, Any]:
        return self._call("GET", contract.TOWN_SITE_RATES_PATH, params={"month": month})

    def renew_token(self) -> str:
        """A new device token for the one in use (which the district keeps valid for a grace).
        The caller stores it before `use_token`."""
        answer = self._call("POST", contract.TOKEN_RENEW_PATH)
        token = answer.get("token")
        if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LEN or not token.isascii():
            raise ServerFailure("更新设备令牌的回答缺少新令牌")
        return token

    def use_token(self, token: str) -> None:
        self.token = token
        self._http.headers["Authorization"] = f"Bearer {token}"
        self.renew_due = False

    @contextmanager
    def stream(self, path: str, *, params: dict[str, Any], read_timeout: float) -> Iterator[httpx.Response]:
        """A long-lived GET read as it arrives (the alarm stream): opened once, never retried here
        (the caller reconnects); a refusal raises the contract's error like any other answer."""
        timeout = httpx.Timeout(self.options.timeout, connect=self.options.connect_timeout, read=read_timeout)
        request = self._http.build_request(
            "GET", path, params=params, headers={"Accept": "text/event-stream"}, timeout=timeout
        )
        try:
            response = self._http.send(request, stream=True)
        except httpx.TransportError as exc:
            if _tls_failure(exc):
                raise TlsFailure(self.server_url) from None
            raise ServerUnreachable(self.server_url, _plain(exc)) from None
        try:
            self.renew_due = response.headers.get(contract.TOKEN_RENEW_HEADER) == contract.TOKEN_RENEW_DUE
            self.token_expires_at = response.headers.get(contract.TOKEN_EXPIRES_HEADER)
            if not response.is_success:
                response.read()
                _decode(response)  # raises the refusal
            yield response
        finally:
            response.close()

    # ---- one request ----------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        retrying = Retrying(
            retry=retry_if_exception(_connection_failed),
            reraise=True,
            stop=stop_after_attempt(max(1, self.options.attempts)),
            wait=wait_exponential(multiplier=self.options.backoff_first, max=self.options.backoff_max),
        )
        try:
            response = retrying(self._http.request, method, path, **kw)
        except httpx.TransportError as exc:
            if _tls_failure(exc):
                raise TlsFailure(self.server_url) from None
            raise ServerUnreachable(self.server_url, _plain(exc)) from None
        except httpx.HTTPError as exc:  # a broken answer (bad encoding, redirect loop)
            raise ServerFailure(f"回答无法读取（{type(exc).__name__}）") from None
        answer = _decode(response)
        self.renew_due = response.headers.get(contract.TOKEN_RENEW_HEADER) == contract.TOKEN_RENEW_DUE
        self.token_expires_at = response.headers.get(contract.TOKEN_EXPIRES_HEADER)
        return answer


def _plain(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "连接超时"
    if isinstance(exc, httpx.ConnectError):
        return "连接被拒绝或找不到服务器"
    return "连接中断"


def _decode(response: httpx.Response) -> dict[str, Any]:
    try:
        body = orjson.loads(response.content)  # a pull's page decoded several times faster than by json
    except orjson.JSONDecodeError:
        try:
            body = response.json()  # what orjson refuses (an integer beyond 64 bits) the standard module reads
        except ValueError:
            body = None
    if response.is_success:
        if not isinstance(body, dict):
            raise ServerFailure(f"HTTP {response.status_code}，回答不是 JSON")
        return body
    error = body.get("error") if isinstance(body, dict) else None
    retry_after = retry_after_s(response.headers.get("Retry-After"))
    if not isinstance(error, dict):
        if response.status_code == 429:  # a proxy in front may answer it in its own words
            raise RateLimited(retry_after)
        raise ServerFailure(f"HTTP {response.status_code}")
    raise error_for(
        str(error.get("code") or ""), error.get("message"), error.get("field"), response.status_code, retry_after
    )


def retry_after_s(value: str | None) -> int | None:
    """Seconds from a `Retry-After` header (its seconds form; the date form is read as unknown)."""
    text = (value or "").strip()
    if not text.isdigit() or len(text) > 9:
        return None
    return int(text)


def error_for(code: str, message: Any, field: Any, status: int, retry_after: int | None = None) -> Exception:
    """The desk's error for a refusal of the contract (`{"error": {"code", "message", "field"}}`)."""
    text = str(message) if message else None
    if code in ENROLLMENT_CODE_ERRORS:
        return ValidationError.single("code", code, ENROLLMENT_CODE_ERRORS[code])
    if code == contract.ERROR_RATE_LIMITED or status == 429:
        return RateLimited(retry_after)
    if code in (contract.ERROR_TOKEN_INVALID, contract.ERROR_DEVICE_REVOKED, contract.ERROR_TOKEN_EXPIRED):
        return DeviceRefused(code, text)
    if code == contract.ERROR_OUT_OF_SCOPE:
        return OutOfScope(text)
    if code == contract.ERROR_POINTS_REFUSED:  # the town's review or resolution breaks a rule
        return ValidationError.single(str(field or "id"), code, text or "区里未接受这次审核")
    if code == contract.ERROR_SITE_TASK_REFUSED:  # a task closed already, with another outcome
        return ValidationError.single(str(field or "task_id"), code, text or "区里未接受办结这个任务")
    if code == contract.ERROR_BAD_REQUEST and field:
        return ValidationError.single(str(field), code, text or "区服务器拒绝了该请求")
    if status >= 500:
        return ServerFailure(f"HTTP {status}" + (f"：{text}" if text else ""))
    failure = SyncError(f"区服务器拒绝了请求（HTTP {status}）" + (f"：{text}" if text else ""))
    failure.code = code or "refused"
    return failure
