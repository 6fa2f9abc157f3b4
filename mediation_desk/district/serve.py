"""`mediation-desk-district serve`: the HTTP server, its options, and how it is started."""

from __future__ import annotations

import argparse
import asyncio
import logging
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mediation_desk.district.config import DEFAULT, ServerConfig
from mediation_desk.district.db import Database
from mediation_desk.district.errors import AdminError

if TYPE_CHECKING:  # the server's own modules load only when it is started, not for admin commands
    from mediation_desk.district.security_report import Summary

KEY_FILE_ENV = "MEDIATION_DESK_DISTRICT_KEY_FILE"
log = logging.getLogger("mediation_desk.district")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    serve = sub.add_parser("serve", parents=[common], help="运行服务器")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument(
        "--port", type=int, default=8080, help="端口；0 表示由系统任选空闲端口（见日志 listening on 一行）"
    )
    serve.add_argument("--tls-cert", help="PEM 证书文件（启用 HTTPS）")
    serve.add_argument("--tls-key", help="PEM 私钥文件")
    serve.add_argument(
        "--key-file",
        default=os.environ.get(KEY_FILE_ENV),
        help=f"服务器密钥文件（卷宗加密用；或环境变量 {KEY_FILE_ENV}）；SQLite 默认在数据库文件旁",
    )
    serve.add_argument("--docs", action="store_true", help="在 /docs 提供接口文档（默认关闭）")
    serve.add_argument(
        "--max-clock-skew",
        type=int,
        default=DEFAULT.max_clock_skew_s,
        help="工作台时钟最多可比服务器快多少秒；更快的操作暂不接收，交给工作台处理",
    )
    serve.add_argument("--token-days", type=int, default=DEFAULT.token_days, help="设备凭证的有效天数")
    serve.add_argument(
        "--failures-before-lockout",
        type=int,
        default=DEFAULT.failures_before_lockout,
        help="同一地址在 --failure-window 秒内用错多少次登记码或设备凭证后被暂时拒绝",
    )
    serve.add_argument("--failure-window", type=int, default=DEFAULT.failure_window_s, help="累计错误次数的时段（秒）")
    serve.add_argument("--lockout-seconds", type=int, default=DEFAULT.lockout_s, help="暂时拒绝一个地址多少秒")
    serve.add_argument(
        "--device-requests-per-minute",
        type=int,
        default=DEFAULT.device_requests_per_minute,
        help="每台设备每分钟最多请求次数（每个服务器实例各自计数）",
    )
    serve.add_argument(
        "--header-timeout", type=_seconds, default=DEFAULT.header_timeout_s, help="请求头须在几秒内收齐（自连接起计）"
    )
    serve.add_argument(
        "--body-timeout", type=_seconds, default=DEFAULT.body_timeout_s, help="请求内容须在收齐请求头后几秒内收齐"
    )
    serve.add_argument("--max-connections", type=_count, default=DEFAULT.max_connections, help="最多同时连接数")
    serve.add_argument(
        "--max-connections-per-ip",
        type=_count,
        default=DEFAULT.max_connections_per_ip,
        help="每个地址最多同时连接数（前面有反向代理时，所有连接都来自代理的地址：设为与 --max-connections 相同）",
    )
    serve.add_argument(
        "--month-end-every",
        type=_interval,
        default=DEFAULT.month_end_every_s,
        help="每隔几秒检查上月的一单一码月末结算是否已做，未做则执行；0 表示不自动执行（用 sites month-end）",
    )
    _add_gateway_options(serve)
    serve.add_argument(
        "--alarm-escalate-after",
        type=_count,
        default=DEFAULT.alarm_escalate_after_s,
        help="平安手环报警多少秒无人接警即上报镇（街道）",
    )
    serve.add_argument(
        "--device-offline-after",
        type=_count,
        default=DEFAULT.device_offline_after_s,
        help="平安手环多少秒没有心跳即开具“手环离线”任务",
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="信任哪些反向代理的 X-Forwarded-For（逗号分隔的地址）；锁定与限流按代理转来的客户地址计算",
    )


def _add_gateway_options(serve: argparse.ArgumentParser) -> None:
    """The bracelets' gateway (平安手环, the "watch" protocol over TCP): off unless given a port."""
    serve.add_argument(
        "--gateway-port", type=_port, help="手环接入端口（TCP）；0 表示任选空闲端口（见日志 gateway listening on 一行）"
    )
    serve.add_argument("--gateway-host", help="手环接入监听的地址（默认与 --host 相同）")
    serve.add_argument(
        "--gateway-idle-timeout",
        type=_seconds,
        default=DEFAULT.gateway_idle_timeout_s,
        help="手环连接静默几秒后关闭（须长于手环的心跳间隔）",
    )
    serve.add_argument(
        "--gateway-max-frame-bytes", type=_count, default=DEFAULT.gateway_max_frame_bytes, help="一帧最多字节数"
    )
    serve.add_argument(
        "--gateway-frames-per-second",
        type=_count,
        default=DEFAULT.gateway_frames_per_second,
        help="每个手环连接每秒最多几帧（可积攒几秒）；超过即关闭该连接",
    )
    serve.add_argument(
        "--gateway-max-connections", type=_count, default=DEFAULT.gateway_max_connections, help="手环最多同时连接数"
    )
    serve.add_argument(
        "--gateway-max-connections-per-ip",
        type=_count,
        default=DEFAULT.gateway_max_connections_per_ip,
        help="每个地址最多几个手环连接（运营商网络下许多手环共用一个地址）",
    )


def config_from(args: argparse.Namespace) -> ServerConfig:
    checks = [
        (args.max_clock_skew >= 0, "--max-clock-skew 不能为负数"),
        (args.token_days >= 1, "--token-days 至少 1 天"),
        (
            args.failures_before_lockout >= 1,
            f"--failures-before-lockout 至少为 1（收到 {args.failures_before_lockout}）",
        ),
        (args.failure_window >= 1, f"--failure-window 至少 1 秒（收到 {args.failure_window}）"),
        (args.lockout_seconds >= 1, f"--lockout-seconds 至少 1 秒（收到 {args.lockout_seconds}）"),
        (
            args.device_requests_per_minute >= 1,
            f"--device-requests-per-minute 至少为 1（收到 {args.device_requests_per_minute}）",
        ),
        (_positive(args.header_timeout), f"--header-timeout 须是大于 0 的秒数（收到 {args.header_timeout:g}）"),
        (_positive(args.body_timeout), f"--body-timeout 须是大于 0 的秒数（收到 {args.body_timeout:g}）"),
        (args.max_connections >= 1, f"--max-connections 至少为 1（收到 {args.max_connections}）"),
        (args.max_connections_per_ip >= 1, f"--max-connections-per-ip 至少为 1（收到 {args.max_connections_per_ip}）"),
        (
            args.gateway_max_frame_bytes >= 64,
            f"--gateway-max-frame-bytes 至少为 64（收到 {args.gateway_max_frame_bytes}）",
        ),
    ]
    for ok, message in checks:
        if not ok:
            raise AdminError(message)
    return ServerConfig(
        max_clock_skew_s=args.max_clock_skew,
        docs=args.docs,
        key_file=Path(args.key_file) if args.key_file else None,
        token_days=args.token_days,
        renew_within_days=min(DEFAULT.renew_within_days, max(1, args.token_days // 3)),
        failures_before_lockout=args.failures_before_lockout,
        failure_window_s=args.failure_window,
        lockout_s=args.lockout_seconds,
        device_requests_per_minute=args.device_requests_per_minute,
        header_timeout_s=args.header_timeout,
        body_timeout_s=args.body_timeout,
        max_connections=args.max_connections,
        max_connections_per_ip=args.max_connections_per_ip,
        month_end_every_s=args.month_end_every,
        alarm_escalate_after_s=args.alarm_escalate_after,
        device_offline_after_s=args.device_offline_after,
        gateway_host=args.gateway_host or args.host,
        gateway_port=args.gateway_port,
        gateway_idle_timeout_s=args.gateway_idle_timeout,
        gateway_max_frame_bytes=args.gateway_max_frame_bytes,
        gateway_frames_per_second=args.gateway_frames_per_second,
        gateway_max_connections=args.gateway_max_connections,
        gateway_max_connections_per_ip=args.gateway_max_connections_per_ip,
    )


def _positive(seconds: float) -> bool:
    return math.isfinite(seconds) and seconds > 0


def _seconds(text: str) -> float:
    """An option's number of seconds; argparse prints the refusal after the option's name."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not _positive(value):
        raise argparse.ArgumentTypeError(f"须是大于 0 的秒数（收到 {text}）")
    return value


def _interval(text: str) -> float:
    """Seconds between checks; 0 turns them off."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"须是不小于 0 的秒数（收到 {text}）")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"须是不小于 1 的整数（收到 {text}）")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"须是 0 到 65535 的端口号（收到 {text}）")
    return value


def raise_open_file_limit(config: ServerConfig) -> int | None:
    """Lift this process's open-file limit to what the system allows: every connection is a file,
    and a server that runs out accepts nothing more (EMFILE), its caps never reached. None where
    the system has no such limit (Windows)."""
    try:
        import resource
    except ImportError:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    # An unlimited hard limit (macOS) cannot be the soft one: ask for what the caps need, generously.
    # The bracelets' connections are files too.
    connections = config.max_connections + (config.gateway_max_connections if config.gateway_port is not None else 0)
    wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 4 * connections + 1024)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError) as exc:
            log.warning("could not raise the open-file limit from %d: %s", soft, type(exc).__name__)
    log.info("open-file limit %s (hard %s)", soft, hard)
    # Room beyond the connections for the database, logs and the listening socket.
    if soft != resource.RLIM_INFINITY and soft < connections + 256:
        log.warning(
            "the open-file limit %d is below the connection caps %d (--max-connections, "
            "--gateway-max-connections) plus room for the rest: "
            "connections past it are refused by the system, not by the server's caps",
            soft,
            connections,
        )
    return int(soft)


def _record_summary(db: Database, summary: Summary) -> None:
    """A security event row for one aggregated report of closed connections."""
    from sqlalchemy.exc import SQLAlchemyError

    from mediation_desk.district.models import SecurityEvent

    detail = {
        "closed": summary.closed,
        "refused": summary.refused,
        "addresses": summary.addresses,
        "from_top_address": summary.top_count,
        "window_s": round(summary.window_s, 1),
    }
    try:
        with db.write() as s:
            s.add(SecurityEvent(kind=f"connection.{summary.reason}", source=summary.top_address, detail=detail))
    except SQLAlchemyError as exc:  # the log line is already written; the database may be what is down
        log.warning("could not record a security event: %s", type(exc).__name__)


def _summary_sink(db: Database) -> Callable[[Summary], None]:
    def sink(summary: Summary) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # called off the loop: the last report, as the server stops
            _record_summary(db, summary)
            return
        loop.run_in_executor(None, _record_summary, db, summary)  # never block the event loop

    return sink


def run(args: argparse.Namespace) -> bool:
    """Serve until stopped; False when the server could not start."""
    import uvicorn

    from mediation_desk.district.api import create_app
    from mediation_desk.district.guard import GuardedServer, guard_protocol

    if bool(args.tls_cert) != bool(args.tls_key):
        raise AdminError("启用 HTTPS 须同时给出 --tls-cert 和 --tls-key")
    config = config_from(args)
    raise_open_file_limit(config)
    app = create_app(args.database_url, config)
    protocol = guard_protocol(config)
    protocol.report.on_summary = _summary_sink(app.state.db)
    uv_config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_config=None,
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
        timeout_graceful_shutdown=10,
        # Header and body deadlines and the connection caps (guard.py); httptools is the parser
        # it extends. (h11's h11_max_incomplete_event_size does not apply: guard.py bounds headers.)
        http=protocol,
        # No WebSocket endpoint: an upgrade request is an ordinary request, answered by the app.
        ws="none",
        # A desk's sync round sends its requests back to back; an idle connection is closed soon
        # after, so idle ones never pile up (the guard also lets them give way at a cap).
        timeout_keep_alive=5,
        # Not set: limit_concurrency. It counts open connections, half-open ones included, and
        # answers 503 to everyone past it: the guard's caps close the idle and slow ones instead.
        server_header=False,  # "server: uvicorn" tells a prober what to try
        # Behind a reverse proxy the client's own address (for lockouts and limits) is taken from
        # X-Forwarded-For, but only from the proxies named here: anyone else could forge it.
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
    )
    # Bound here rather than inside uvicorn so the address actually taken is known: with
    # --port 0 the system picks a free port, and whoever started the server reads it below.
    sock = uv_config.bind_socket()
    host = f"[{args.host}]" if ":" in args.host else args.host
    log.info("listening on %s://%s:%d", "https" if args.tls_cert else "http", host, sock.getsockname()[1])
    server = GuardedServer(uv_config, protocol)
    server.run(sockets=[sock])
    return bool(server.started)
