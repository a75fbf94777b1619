"""Routes of the local page. Each one parses a request, calls drafter.app, and returns JSON.

Nothing here checks, fills or renders a fact sheet itself: that is drafter.app's job, shared
with the CLI. What lives here is what only a web page needs: the folder guard, the form →
YAML merge, the save-with-backup that refuses to overwrite someone else's edit, and the
shape of the JSON.
"""
from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote

from ..errors import DrafterError, InputError, OutputExistsError, UsageError
from ..yamlio import MAX_BYTES, MAX_DEPTH
from .folder import Folder, version_of
from .guard import BodyTooLarge, Guard
from .yaml_merge import apply_data, field_lines, plain_data

STATIC = Path(__file__).parent / "static"
MAX_SHEET = MAX_BYTES                  # one fact sheet's text: the CLI's limit
MAX_BODY = 2 * MAX_SHEET + 256 * 1024  # a request: the sheet's text plus its form values


def problem_json(p: Any, fields: dict[int, str] | None = None, source: str | None = None) -> dict:
    """A problem for the page; a proofreading finding on a line of the sheet gets that line's field."""
    loc = p.location
    field = loc.field
    if field is None and fields and loc.file == source and loc.line in fields:
        field = fields[loc.line]
    return {"file": loc.file, "line": loc.line, "col": loc.col, "field": field, "message": p.message,
            "severity": p.severity, "rule": p.rule, "text": str(p)}


def problems_json(problems, text: str, source: str) -> list[dict]:
    fields = field_lines(text) if any(p.location.field is None and p.location.file == source for p in problems) else {}
    return [problem_json(p, fields, source) for p in problems]


def _depth(value: Any) -> int:
    """Nesting depth, without recursion (a hostile body must not reach Python's recursion limit)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        if d > MAX_DEPTH:
            break
        if isinstance(node, dict):
            stack.extend((v, d + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, d + 1) for v in node)
    return deepest


def _is_list(schema: dict, dotted: str) -> bool:
    node = schema
    for part in dotted.split("."):
        node = (node.get("properties") or {}).get(part) or {}
    return node.get("type") == "array"


class Pages:
    """The page's use cases, each a thin wrapper over one or two drafter.app calls."""

    def __init__(self, folder: Folder, api: Any, workspace: Any):
        self.folder = folder
        self.api = api
        self.ws = workspace
        self.lock = threading.Lock()  # app caches are per process; one clerk, one request at a time
        self._summaries: dict[str, tuple[tuple, dict]] = {}
        self._schemas: dict[str, dict] = {}

    # --- helpers ---------------------------------------------------------------------------
    def _read(self, name: str) -> tuple[str, str]:
        """Text through app.read_sheet (regular file, the CLI's size limit, encoding), and its version."""
        path = self.folder.path(name)
        if not path.is_file():
            raise InputError(f"{name}: 文件不存在")
        text = self.api.read_sheet(path)
        return text, version_of(path.read_bytes())

    def schema(self, template_id: str) -> dict:
        if template_id not in self._schemas:
            self._schemas[template_id] = self.api.template_schema(self.ws, template_id)
        return self._schemas[template_id]

    def _text(self, body: dict, name: str) -> str:
        """The sheet text the page sends, with the form's values merged in when it sends them."""
        text = body.get("text")
        if not isinstance(text, str) or len(text.encode("utf-8")) > MAX_SHEET:
            raise UsageError(f"事实表内容缺失或过大（上限 {MAX_SHEET // 1024} KB）")
        data = body.get("data")
        if isinstance(data, dict):
            if _depth(data) > MAX_DEPTH:
                raise UsageError("表单数据层次过深")
            tid = data.get("template")
            schema = self.schema(tid) if isinstance(tid, str) and self._known(tid) else None
            text = apply_data(text, data, name, schema)
        return text

    def _known(self, template_id: str) -> bool:
        if not hasattr(self, "_template_ids"):
            self._template_ids = {t.id for t in self.api.list_templates(self.ws)}
        return template_id in self._template_ids

    # --- home ------------------------------------------------------------------------------
    def info(self) -> dict:
        return {"folder": str(self.folder.root), "folder_name": self.folder.root.name,
                "pdf": shutil.which("soffice") is not None or shutil.which("libreoffice") is not None,
                # start from last year / import an old report, where the application layer offers them
                "carry": hasattr(self.api, "carry_forward"), "import": hasattr(self.api, "import_report")}

    def templates(self) -> list[dict]:
        return [{"id": t.id, "name": t.name, "description": t.description, "genre": getattr(t, "genre", None)}
                for t in self.api.list_templates(self.ws)]

    def sheets(self) -> list[dict]:
        rows = []
        for name in self.folder.sheets():
            path = self.folder.path(name)
            st = path.stat()
            key = (st.st_mtime_ns, st.st_size)
            cached = self._summaries.get(name)
            if cached is None or cached[0] != key:
                cached = (key, self._summary(name))
                self._summaries[name] = cached
            rows.append(dict(cached[1], name=name, modified=st.st_mtime))
        return rows

    def _summary(self, name: str) -> dict:
        try:
            text, _ = self._read(name)
        except DrafterError as exc:
            return {"template": None, "unit": None, "year": None, "problems": len(exc.problems) or 1,
                    "errors": len(exc.problems) or 1, "readable": False}
        result = self.api.check_sheet(self.ws, text, name)
        unit, meeting = None, False
        try:
            data = plain_data(text, name)
            unit = (data.get("unit") or {}).get("name") if isinstance(data.get("unit"), dict) else None
            meeting = isinstance(data.get("meeting"), dict)  # a report to a meeting: 换届 matters when carrying on
        except DrafterError:
            pass
        return {"template": result.template_id, "unit": unit, "year": result.year, "meeting": meeting,
                "problems": len(result.problems), "errors": len(result.errors), "readable": True}

    def _new_target(self, body: dict) -> tuple[str, str, Path]:
        """(template id, file name, path) of a sheet about to be created: known template, free name."""
        tid = body.get("template")
        name = str(body.get("name") or "").strip()
        if not isinstance(tid, str) or not self._known(tid):
            raise UsageError(f"没有这个模板：{tid}")
        if name and "." not in name:
            name += ".yaml"
        path = self.folder.path(name)
        if path.exists() or path.is_symlink():
            raise OutputExistsError(f"{name}: 文件已存在，未覆盖；请换一个文件名")
        return tid, name, path

    def _create(self, name: str, path: Path, text: str) -> dict:
        self.api.publish([(path, text.encode("utf-8"))], force=False)
        self._summaries.pop(name, None)
        return {"name": name}

    def new_sheet(self, body: dict) -> dict:
        """新建: the scaffold `drafter new` writes."""
        tid, name, path = self._new_target(body)
        return self._create(name, path, self.api.scaffold(self.ws, tid))

    def carry(self, body: dict) -> dict:
        """从去年的事实表开始: `drafter new TEMPLATE --from LAST.yaml` on a sheet of this folder."""
        if not hasattr(self.api, "carry_forward"):
            raise UsageError("这个版本的 drafter 还不能从去年的事实表开始")
        tid, name, path = self._new_target(body)
        last = body.get("from")
        if not isinstance(last, str) or not last:
            raise UsageError("请选择去年的事实表")
        last_text, _ = self._read(last)
        text = self.api.carry_forward(self.ws, tid, last_text, last, new_term=body.get("new_term") is True)
        return self._create(name, path, text)

    def import_report(self, data: bytes, template: str, name: str, filename: str) -> dict:
        """导入旧报告: `drafter import REPORT -t TEMPLATE -o SHEET.yaml` on an uploaded .docx or .txt."""
        if not hasattr(self.api, "import_report"):
            raise UsageError("这个版本的 drafter 还不能导入旧报告")
        tid, name, path = self._new_target({"template": template, "name": name})
        if not filename.lower().endswith((".docx", ".txt")) or any(c in filename for c in "/\\\x00"):
            raise UsageError(f"“{filename}”不是 .docx 或 .txt 文件")
        result = self.api.import_report(self.ws, data, filename, tid)
        out = self._create(name, path, result.text)
        out["unplaced"] = len(getattr(result, "unplaced", []) or [])
        return out

    # --- editor ----------------------------------------------------------------------------
    def open_sheet(self, name: str) -> dict:
        """The sheet's text and values; a sheet whose YAML does not parse opens as text (data None)."""
        text, version = self._read(name)
        out = {"name": name, "text": text, "version": version, "data": self._data_or_none(text, name)}
        tid = (out["data"] or {}).get("template")
        if isinstance(tid, str) and self._known(tid):
            out.update(self.template(tid))
        return out

    def template(self, tid: str) -> dict:
        """What the form needs of a template: its schema and formula fields."""
        if not isinstance(tid, str) or not self._known(tid):
            raise UsageError(f"没有这个模板：{tid}")
        schema = self.schema(tid)
        return {"template": tid, "schema": schema,
                "formulas": {f: {"role": i.role, "function": i.function, "list": _is_list(schema, f)}
                             for f, i in self.api.formula_fields(self.ws, tid).items()}}

    @staticmethod
    def _data_or_none(text: str, name: str) -> dict | None:
        try:
            return plain_data(text, name)
        except DrafterError:
            return None

    def preview(self, body: dict) -> dict:
        """Preview and problems; when the page sends YAML text only (its YAML view), the values too."""
        name = self._name(body)
        text = self._text(body, name)
        p = self.api.preview(self.ws, text, name, variant=self._variant(body))
        out = {"text": text, "html": p.html, "ok": p.ok, "problems": problems_json(p.problems, text, name)}
        if not isinstance(body.get("data"), dict):
            out["data"] = self._data_or_none(text, name)
        return out

    def suggest(self, body: dict) -> dict:
        name = self._name(body)
        text = self._text(body, name)
        field = body.get("field")
        if not isinstance(field, str) or not field:
            raise UsageError("缺少字段名")
        rows = self.api.suggest(self.ws, text, name, field, limit=int(body.get("limit") or 20))
        return {"field": field, "candidates": [
            {"variant": s.variant, "text": s.text, "raw": s.raw, "sources": list(s.sources), "count": s.count,
             "role": s.role, "function": s.function, "same_genre": bool(getattr(s, "same_genre", False))}
            for s in rows]}

    def save(self, body: dict) -> dict:
        name = self._name(body)
        text = self._text(body, name)
        path = self.folder.path(name)
        if not path.is_file():
            raise InputError(f"{name}: 文件已不存在（在别处被删除或改名），未保存；请用“另存为”换个名字")
        old = path.read_bytes()
        if version_of(old) != body.get("version"):
            raise OutputExistsError(f"{name}: 文件在打开后已被其他程序修改，为免覆盖他人的修改，未保存。"
                                    "请重新打开该文件（当前页面上的修改请先复制出来）")
        new = text.encode("utf-8")
        self.api.publish([(self.folder.backup_path(name), old), (path, new)], force=True)
        self._summaries.pop(name, None)
        return {"name": name, "version": version_of(new), "text": text, "backup": self.folder.backup_path(name).name}

    def render(self, body: dict) -> tuple[str, bytes]:
        name = self._name(body)
        text = self._text(body, name)
        fmt = body.get("format") or "docx"
        if fmt not in ("docx", "pdf"):
            raise UsageError(f"不支持的格式：{fmt}")
        out = self.api.render_sheet(self.ws, text, name, fmt=fmt, variant=self._variant(body))
        return out.name, out.data

    def phrases(self, query: str, role: str | None, genre: str | None, limit: int) -> dict:
        rows = self.api.search_phrases(self.ws, query, role=role or None, genre=genre or None, limit=limit)
        return {"phrases": [{"text": p.text, "role": p.role, "function": p.function, "genres": list(p.genres or []),
                             "sources": list(p.sources or []), "count": p.count, "pinyin": getattr(p, "pinyin", "")}
                            for p in rows]}

    def phrase_facets(self) -> dict:
        """Roles and genres to filter by, with their Chinese labels (the gongwen registry: genres are data)."""
        from ..gongwen.genres import default_registry, roles
        from ..phrasebank import ROLES

        if not hasattr(self, "_facets"):
            labels = roles()
            genres = default_registry()
            self._facets = {
                "roles": [{"id": r, "label": labels.get(r, r)} for r in ROLES],
                "genres": [{"id": g.id, "label": g.label} for g in genres.values()],
                "roleLabels": {r: labels.get(r, r) for r in ROLES},
                "genreLabels": {g.id: g.label for g in genres.values()},
            }
        return self._facets

    def insert(self, body: dict) -> dict:
        name = self._name(body)
        text = self._text(body, name)
        field, phrase = body.get("field"), body.get("phrase")
        if not isinstance(field, str) or not isinstance(phrase, str) or not field or not phrase:
            raise UsageError("缺少字段或常用语")
        new = self.api.insert_phrase(self.ws, text, name, field, phrase, replace=bool(body.get("replace")))
        return {"text": new, "data": plain_data(new, name)}

    @staticmethod
    def _name(body: dict) -> str:
        name = body.get("name")
        if not isinstance(name, str) or not name:
            raise UsageError("缺少事实表文件名")
        return name

    @staticmethod
    def _variant(body: dict) -> int:
        v = body.get("variant", 0)
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise UsageError("variant 应为 0 或正整数")
        return v


def _status(exc: DrafterError) -> int:
    if isinstance(exc, OutputExistsError):
        return 409
    if isinstance(exc, UsageError):
        return 400
    return 422


def create_app(folder: Path, *, api: Any = None, workspace: Any = None, token: str, port: int | None = None,
               max_body: int = MAX_BODY):
    """The ASGI app for one folder. `api` is drafter.app (tests may pass another object with its functions)."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import FileResponse, JSONResponse, Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    if api is None:
        from .. import app as api  # noqa: PLW0127 - the application layer every front end calls
    if workspace is None:
        workspace = api.Workspace.default()
    pages = Pages(Folder.open(folder), api, workspace)

    def json_response(value: Any, status: int = 200) -> Response:
        return JSONResponse(value, status_code=status)

    async def call(fn: Callable, *args) -> Any:
        def locked():
            with pages.lock:
                return fn(*args)
        return await run_in_threadpool(locked)

    async def body_of(request: Request) -> dict:
        try:
            body = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise UsageError("请求内容不是合法的 JSON")
        if not isinstance(body, dict):
            raise UsageError("请求内容应为 JSON 对象")
        return body

    def endpoint(fn: Callable, *, post: bool = False, raw: bool = False):
        async def handler(request: Request) -> Response:
            try:
                if post:
                    result = await call(fn, await body_of(request))
                else:
                    result = await call(fn, request)
            except DrafterError as exc:
                return json_response({"error": exc.message, "problems": [problem_json(p) for p in exc.problems]},
                                     _status(exc))
            except BodyTooLarge:
                return json_response({"error": f"请求内容过大（上限 {max_body // 1024} KB）"}, 413)
            if raw:
                filename, data = result
                media = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                         "pdf": "application/pdf"}.get(filename.rsplit(".", 1)[-1], "application/octet-stream")
                return Response(data, media_type=media, headers={
                    "content-disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})
            return json_response(result)
        return handler

    def q(request: Request, key: str, default: str = "") -> str:
        return request.query_params.get(key, default)

    def limit_of(request: Request) -> int:
        raw = q(request, "limit", "50")
        if not raw.isdigit() or not 1 <= int(raw) <= 200:
            raise UsageError("limit 应为 1 到 200 的整数")
        return int(raw)

    async def import_endpoint(request: Request) -> Response:
        """The uploaded report is the raw body (the Guard has limited its size already)."""
        try:
            data = await request.body()
            result = await call(pages.import_report, data, q(request, "template"), q(request, "name"),
                                q(request, "filename"))
        except DrafterError as exc:
            return json_response({"error": exc.message, "problems": [problem_json(p) for p in exc.problems]},
                                 _status(exc))
        except BodyTooLarge:
            return json_response({"error": f"文件过大（上限 {max_body // 1024} KB）"}, 413)
        return json_response(result)

    async def index(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    routes = [
        Route("/", index),
        Route("/api/info", endpoint(lambda r: pages.info())),
        Route("/api/templates", endpoint(lambda r: pages.templates())),
        Route("/api/sheets", endpoint(lambda r: pages.sheets())),
        Route("/api/sheet", endpoint(lambda r: pages.open_sheet(q(r, "name")))),
        Route("/api/template", endpoint(lambda r: pages.template(q(r, "id")))),
        Route("/api/phrases", endpoint(lambda r: pages.phrases(q(r, "q"), q(r, "role"), q(r, "genre"), limit_of(r)))),
        Route("/api/phrase_facets", endpoint(lambda r: pages.phrase_facets())),
        Route("/api/new", endpoint(pages.new_sheet, post=True), methods=["POST"]),
        Route("/api/carry", endpoint(pages.carry, post=True), methods=["POST"]),
        Route("/api/import", import_endpoint, methods=["POST"]),
        Route("/api/preview", endpoint(pages.preview, post=True), methods=["POST"]),
        Route("/api/suggest", endpoint(pages.suggest, post=True), methods=["POST"]),
        Route("/api/save", endpoint(pages.save, post=True), methods=["POST"]),
        Route("/api/render", endpoint(pages.render, post=True, raw=True), methods=["POST"]),
        Route("/api/insert", endpoint(pages.insert, post=True), methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    inner = Starlette(routes=routes)
    return Guard(inner, token=token, port=port, max_body=max_body)
