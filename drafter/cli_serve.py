"""`drafter serve`: the local web page, on 127.0.0.1 only, for the fact sheets of one folder."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def _serve(
    folder: Path = typer.Argument(Path("."), metavar="文件夹", help="事实表所在的文件夹（默认当前文件夹）"),
    port: Optional[int] = typer.Option(None, "--port", metavar="端口", help="端口号（默认自动选一个空闲端口）"),
    no_browser: bool = typer.Option(False, "--no-browser", help="不自动打开浏览器"),
) -> None:
    """在本机打开网页：填写事实表、实时预览、挑选套话、下载 Word。按 Ctrl-C 停止。"""
    import secrets
    import socket
    import threading
    import webbrowser

    import uvicorn

    from .console import err
    from .errors import UsageError
    from .web.server import create_app

    if port is not None and not 0 < port < 65536:
        raise UsageError(f"--port 应为 1 到 65535 的整数，收到 {port}")
    if not folder.is_dir():
        raise UsageError(f"{folder}: 文件夹不存在")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", port or 0))
    except OSError as exc:
        sock.close()
        raise UsageError(f"端口 {port} 无法使用（{exc.strerror}），请换一个端口或不指定 --port")
    sock.listen(128)
    bound = sock.getsockname()[1]
    token = secrets.token_urlsafe(24)
    asgi = create_app(folder, token=token, port=bound)
    url = f"http://127.0.0.1:{bound}/?token={token}"

    config = uvicorn.Config(asgi, log_level="warning", access_log=False, lifespan="off", server_header=False)
    server = uvicorn.Server(config)

    def announce() -> None:
        while not server.started and not server.should_exit:
            threading.Event().wait(0.05)
        if server.started:
            err.print(f"drafter 已在本机启动：{url}", markup=False, soft_wrap=True)
            err.print(f"文件夹：{folder.resolve()}　按 Ctrl-C 停止", markup=False)
            if not no_browser:
                webbrowser.open(url)

    threading.Thread(target=announce, daemon=True).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # uvicorn has shut down gracefully and re-raises Ctrl-C: a requested stop, not an error
    finally:
        sock.close()
    err.print("drafter 网页已停止。", markup=False)


def register(app: typer.Typer) -> None:
    """Add `serve` to the app."""
    app.command("serve", help="在本机打开网页：填写事实表、实时预览、挑选套话、下载 Word（仅本机可访问）。",
                short_help="在本机网页上填写事实表")(_serve)
