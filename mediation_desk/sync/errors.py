"""Why a sync request could not be done, in words a clerk understands (Chinese first).

Input the clerk typed (server address, enrollment code, CA file) is refused with
`ValidationError` naming the field and the rule; everything else is a `SyncError`."""

from __future__ import annotations

import math

from mediation_desk.errors import DeskError


class SyncError(DeskError):
    """A sync request failed; `code` is a short machine name for the window and the CLI."""

    code = "sync_failed"


class NotEnrolled(SyncError):
    code = "not_enrolled"

    def __init__(self) -> None:
        super().__init__(
            "本机尚未登记到区社会治理中心：请向区里索取登记码，"
            "再运行 `mediation-desk enroll --server 地址 --code 登记码`"
        )


class TokenMissing(SyncError):
    """No secure keyring on this PC and no token typed in this session."""

    code = "token_missing"

    def __init__(self) -> None:
        super().__init__(
            "本机没有安全的系统钥匙串，设备令牌不会保存在电脑上：请输入登记时抄下的设备令牌"
            "（命令行可设置环境变量 MEDIATION_DESK_DEVICE_TOKEN）"
        )


class DeviceRefused(SyncError):
    """The server no longer accepts this device's token (revoked, expired, or unknown). The token
    has been dropped from the keyring: only a new enrollment code lets this desk sync again."""

    def __init__(self, code: str, server_message: str | None = None) -> None:
        self.code = code
        what = {"device_revoked": "已被区里撤销", "token_expired": "已过期（设备令牌到期前未能更新）"}.get(
            code, "未被区服务器认可"
        )
        super().__init__(
            f"本机的同步授权{what}，已从本机删除该设备令牌：请向区社会治理中心索取新的登记码后重新登记"
            + (f"（区服务器：{server_message}）" if server_message else "")
        )


class RateLimited(SyncError):
    """The district refused requests coming too often (429), for a while: nothing is wrong with
    the desk or its token; the next round after `retry_after_s` goes through."""

    code = "rate_limited"

    def __init__(self, retry_after_s: int | None, server_message: str | None = None) -> None:
        self.retry_after_s = retry_after_s
        minutes = max(1, math.ceil(retry_after_s / 60)) if retry_after_s else 1
        super().__init__(
            f"区里暂时拒绝了过于频繁的请求，请 {minutes} 分钟后再试；本机的工作照常保存"
            + (f"（区服务器：{server_message}）" if server_message else "")
        )


class OutOfScope(SyncError):
    code = "out_of_scope"

    def __init__(self, server_message: str | None = None) -> None:
        super().__init__(
            "区服务器拒绝：本机只能读写本调解委员会的数据" + (f"（{server_message}）" if server_message else "")
        )


class ServerUnreachable(SyncError):
    code = "server_unreachable"

    def __init__(self, url: str, detail: str) -> None:
        self.detail = detail
        super().__init__(f"无法连接区服务器 {url}：{detail}。请检查网络，稍后再试；本机的工作照常保存，联网后再同步")


class TlsFailure(SyncError):
    code = "tls_failure"

    def __init__(self, url: str) -> None:
        super().__init__(
            f"区服务器 {url} 的证书无法验证（自签名或不受信任的证书），为安全起见未连接："
            "请向区里索取 CA 证书文件，登记时用 --ca-bundle 指定"
        )


class ServerFailure(SyncError):
    """The server answered, but not as the contract says (an error page, a broken answer)."""

    code = "server_failure"

    def __init__(self, detail: str) -> None:
        super().__init__(f"区服务器出错：{detail}。请稍后再试，仍不行请联系区社会治理中心")
