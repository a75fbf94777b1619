"""Preview latency of `drafter serve`: one keystroke's request, measured at the server.

Run by hand: python bench/serve.py [--runs N]
Target (issue 14): the live preview answers within 150 ms of the request (p95) on the example.

Each run edits one field of the example (as a clerk typing in the form would), posts the form's
values and the sheet text to /api/preview over a kept-alive HTTP connection to a real uvicorn
server on 127.0.0.1, and times request → complete response. The server-side split (YAML merge,
app.preview) is printed too, so a regression can be traced to its stage.
"""
from __future__ import annotations

import argparse
import http.client
import json
import secrets
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "gov_work_report.yaml"
sys.path.insert(0, str(ROOT))


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def line(name: str, values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (f"{name:<34} p50 {pct(ms, .5):6.1f} ms   p95 {pct(ms, .95):6.1f} ms   "
            f"max {max(ms):6.1f} ms   mean {statistics.mean(ms):6.1f} ms   (n={len(ms)})")


def keystrokes(data: dict, runs: int):
    """The form's values after each keystroke: the overview grows one character at a time."""
    base = data["review"].get("overview", "")
    for i in range(runs):
        d = json.loads(json.dumps(data))
        d["review"]["overview"] = base + "统筹推进各项工作"[: (i % 8) + 1]
        yield d


def http_times(folder: Path, name: str, text: str, data: dict, runs: int) -> list[float]:
    import uvicorn

    from drafter.web.server import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(16)
    server = uvicorn.Server(uvicorn.Config(create_app(folder, token=token, port=port), log_level="warning",
                                           lifespan="off", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    conn = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"content-type": "application/json", "x-drafter-token": token,
               "origin": f"http://127.0.0.1:{port}"}
    times = []
    try:
        for i, d in enumerate(keystrokes(data, runs + 5)):
            body = json.dumps({"name": name, "text": text, "data": d}, ensure_ascii=False).encode("utf-8")
            t0 = time.perf_counter()
            conn.request("POST", "/api/preview", body=body, headers=headers)
            resp = conn.getresponse()
            payload = resp.read()
            elapsed = time.perf_counter() - t0
            assert resp.status == 200, payload[:300]
            result = json.loads(payload)
            assert result["ok"] and d["review"]["overview"][-4:] in result["html"], "preview did not follow the edit"
            if i >= 5:  # the first requests warm imports and caches
                times.append(elapsed)
    finally:
        conn.close()
        server.should_exit = True
        thread.join(10)
        sock.close()
    return times


def stage_times(name: str, text: str, data: dict, runs: int) -> dict[str, list[float]]:
    from drafter import app
    from drafter.web.yaml_merge import apply_data

    ws = app.Workspace.default()
    schema = app.template_schema(ws, "gov_work_report")
    stages: dict[str, list[float]] = {"merge form → YAML text": [], "app.preview": []}
    for i, d in enumerate(keystrokes(data, runs + 3)):
        t0 = time.perf_counter()
        merged = apply_data(text, d, name, schema)
        t1 = time.perf_counter()
        app.preview(ws, merged, name)
        t2 = time.perf_counter()
        if i >= 3:
            stages["merge form → YAML text"].append(t1 - t0)
            stages["app.preview"].append(t2 - t1)
    return stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    from drafter.web.yaml_merge import plain_data

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        name = EXAMPLE.name
        shutil.copy(EXAMPLE, folder / name)
        text = EXAMPLE.read_text(encoding="utf-8")
        data = plain_data(text, name)
        http = http_times(folder, name, text, data, args.runs)
        stages = stage_times(name, text, data, args.runs)
    import os

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"drafter serve preview latency on {EXAMPLE.relative_to(ROOT)} ({args.runs} keystrokes; "
          f"{os.cpu_count()} CPUs, load average {load:.1f})")
    print(line("HTTP request → response (server)", http))
    for k, v in stages.items():
        print(line(f"  {k}", v))
    verdict = "OK" if pct(http, .95) * 1000 <= 150 else "OVER TARGET"
    print(f"target p95 ≤ 150 ms: {verdict}")


if __name__ == "__main__":
    main()
