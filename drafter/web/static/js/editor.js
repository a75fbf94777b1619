// The editor page: form on the left, the report as it will print on the right, problems at
// their fields and in a summary on top; save, 生成 Word / PDF, formula picker.

import { api, ApiError } from "./api.js";
import { debounce, h, toast } from "./dom.js";
import { SheetForm } from "./form.js";
import { ancestors, pruned, setAt, getAt } from "./paths.js";

const PREVIEW_DELAY_MS = 80;

export class Editor {
  constructor(sheet, info) {
    this.name = sheet.name;
    this.text = sheet.text;          // the YAML as the server last wrote it (source of truth)
    this.version = sheet.version;    // what was on disk when opened / last saved
    this.savedText = sheet.text;
    this.data = sheet.data;
    this.schema = sheet.schema;
    this.formulas = sheet.formulas || {};
    this.template = sheet.template;
    this.info = info;
    // The form needs values and a schema; a sheet whose YAML does not parse opens as its text.
    this.mode = sheet.data && sheet.schema ? "form" : "yaml";
    this.parsed = sheet.data;
    this.problems = [];
    this.seq = 0;
    this.inFlight = false;
    this.again = false;
    this.schedule = debounce(() => this.refreshPreview(), PREVIEW_DELAY_MS);
  }

  get dirty() {
    return this.text !== this.savedText || this.pending;
  }

  render() {
    this.status = h("span", { class: "status", id: "save-status" });
    this.summary = h("div", { class: "summary", id: "summary" });
    this.preview = h("div", { class: "preview", id: "preview" });
    const toolbar = h("div", { class: "toolbar" },
      h("h1", {}, this.name),
      this.status,
      h("span", { class: "spacer" }),
      h("button", { type: "button", id: "save", class: "primary", onclick: () => this.save() }, "保存"),
      h("button", { type: "button", id: "render-docx", onclick: () => this.download("docx") }, "生成 Word"),
      this.info.pdf ? h("button", { type: "button", id: "render-pdf", onclick: () => this.download("pdf") }, "生成 PDF") : null,
      h("a", { href: "#/phrases", class: "button" }, "常用语库"));
    const toggle = h("button", { type: "button", id: "toggle-yaml", onclick: () => this.toggleMode() },
      this.mode === "form" ? "YAML 原文" : "表单");
    toolbar.insertBefore(toggle, toolbar.querySelector("#save"));
    let left;
    if (this.mode === "form") {
      this.form = new SheetForm(this.schema, this.data, {
        changed: () => this.edited(),
        formula: (path) => this.formulas[path],
        pick: (path, parts, info, where) => this.openPicker(path, parts, info, where),
      });
      left = this.form.render();
    } else {
      this.yaml = h("textarea", { id: "yaml-text", class: "yaml-text", spellcheck: "false", value: this.text,
        oninput: (e) => { this.text = e.target.value; this.edited(); } });
      left = h("div", {}, h("p", { class: "help" },
        "直接编辑 YAML 原文（注释和格式原样保留）。改好后点“表单”回到表单；YAML 有语法错误时只能在这里修改。"), this.yaml);
    }
    this.layout = h("section", { class: "editor" }, toolbar, this.summary,
      h("div", { class: "panes" },
        h("div", { class: "form-pane", id: "form" }, left),
        h("div", { class: "preview-pane" }, h("div", { class: "preview-label" }, "预览（按 GB/T 9704 版式，以 Word 文件为准）"), this.preview)));
    this.updateStatus();
    this.refreshPreview();
    if (this.focusOnRender) {
      const field = this.focusOnRender;
      this.focusOnRender = null;
      requestAnimationFrame(() => this.focusField(field, true));
    }
    return this.layout;
  }

  // Form ⇄ YAML text. Going to the form needs the text to parse and to name a known template.
  async toggleMode() {
    try {
      const res = await api.preview(this.body());
      this.text = res.text;
      if (this.mode === "form") {
        this.mode = "yaml";
      } else {
        const data = res.data;
        if (!data) throw new Error("YAML 有语法错误，请先在原文中改正（见上方的问题列表）");
        if (!this.schema || data.template !== this.template) {
          const t = await api.template(data.template);
          Object.assign(this, { schema: t.schema, formulas: t.formulas, template: t.template });
        }
        this.data = data;
        this.mode = "form";
      }
      const old = this.layout;
      old.replaceWith(this.render());
    } catch (e) {
      toast(e.message, "error");
    }
  }

  edited() {
    this.pending = true;
    this.updateStatus();
    this.schedule();
  }

  updateStatus() {
    if (this.status) this.status.textContent = this.dirty ? "有未保存的修改" : "已保存";
    if (this.status) this.status.className = "status " + (this.dirty ? "dirty" : "clean");
  }

  body(extra) {
    const base = { name: this.name, text: this.text };
    if (this.mode === "form") base.data = pruned(this.data);
    return Object.assign(base, extra || {});
  }

  // One request at a time; edits made meanwhile are sent as soon as it returns.
  async refreshPreview() {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    this.again = false;
    const seq = ++this.seq;
    this.pending = false;
    try {
      const res = await api.preview(this.body());
      if (seq === this.seq) {
        if (this.mode === "form") this.text = res.text;
        if ("data" in res) this.parsed = res.data;
        // A refused sheet keeps the last good page on screen, marked as out of date.
        if (res.html) this.preview.innerHTML = res.html;
        this.preview.classList.toggle("refused", !res.ok);
        this.preview.dataset.note = res.ok ? "" : "事实表有错误，预览停在上一次没有错误时的样子";
        this.showProblems(res.problems);
      }
    } catch (e) {
      this.showProblems(e instanceof ApiError ? e.problems : [], e.message);
    } finally {
      this.inFlight = false;
      this.updateStatus();
      if (this.again) this.refreshPreview();
    }
  }

  // ---- problems ---------------------------------------------------------------------------
  showProblems(problems, error) {
    this.problems = problems || [];
    for (const ul of this.layout.querySelectorAll(".field-problems")) ul.replaceChildren();
    for (const el of this.layout.querySelectorAll(".has-problem")) el.classList.remove("has-problem", "has-error");
    const unplaced = [];
    for (const p of this.problems) {
      const target = this.fieldElement(p.field);
      if (!target) {
        unplaced.push(p);
        continue;
      }
      target.classList.add("has-problem");
      if (p.severity === "error") target.classList.add("has-error");
      const ul = target.querySelector(":scope > .field-problems");
      ul.append(h("li", { class: `problem ${p.severity}` }, lineTag(p), p.message));
    }
    const errors = this.problems.filter((p) => p.severity === "error").length;
    const warnings = this.problems.length - errors;
    const items = this.problems.map((p) => h("li", { class: `problem ${p.severity}` },
      h("a", { href: "#", onclick: (e) => { e.preventDefault(); this.focusProblem(p); } }, p.text)));
    if (error) items.unshift(h("li", { class: "problem error" }, error));
    let head;
    if (error) head = "出错了";
    else if (!this.problems.length) head = "没有发现问题，可以生成 Word。";
    else head = `共 ${this.problems.length} 个问题：错误 ${errors} 个、提示 ${warnings} 个` +
      (errors ? "（有错误时不能生成 Word，与 drafter render 相同）" : "");
    this.summary.className = "summary " + (error || errors ? "bad" : warnings ? "warn" : "good");
    this.summary.replaceChildren(h("strong", { id: "summary-head" }, head));
    if (items.length) this.summary.append(h("ul", { id: "summary-list" }, items));
    void unplaced;
  }

  fieldElement(field) {
    if (!field) return null;
    for (const path of [field, ...ancestors(field)]) {
      const el = this.layout.querySelector(`[data-path="${CSS.escape(path)}"]`);
      if (el && !el.hidden) return el;
    }
    return null;
  }

  focusProblem(p) {
    if (this.mode === "form") return this.focusField(p.field);
    if (!p.line || p.file !== this.name) return;
    const lines = this.yaml.value.split("\n");
    const start = lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0);
    this.yaml.focus();
    this.yaml.setSelectionRange(start, start + (lines[p.line - 1] || "").length);
    const lineHeight = parseFloat(getComputedStyle(this.yaml).lineHeight) || 20;
    this.yaml.scrollTop = Math.max(0, (p.line - 5) * lineHeight);
  }

  focusField(field, last = false) {
    const el = this.fieldElement(field);
    if (!el) return;
    const inputs = el.querySelectorAll("input, textarea, select");
    const input = last ? inputs[inputs.length - 1] : inputs[0];
    (input || el).scrollIntoView({ block: "center", behavior: last ? "auto" : "smooth" });
    if (input) input.focus({ preventScroll: true });
  }

  // ---- formula picker ---------------------------------------------------------------------
  async openPicker(path, parts, info, where) {
    let box = where.querySelector(":scope > .picker");
    if (!box) {
      box = h("div", { class: "picker" });
      where.append(box);
    }
    if (!box.hidden && box.childElementCount) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    box.replaceChildren(h("p", { class: "help" }, "正在查找适合这一处的套话……"));
    let res;
    try {
      res = await api.suggest(this.body({ field: path }));
    } catch (e) {
      box.replaceChildren(h("p", { class: "error" }, e.message));
      return;
    }
    const close = h("button", { type: "button", class: "close", onclick: () => (box.hidden = true) }, "收起");
    if (!res.candidates.length) {
      box.replaceChildren(h("p", { class: "help" }, "常用语库中没有适合这一处的套话。"), close);
      return;
    }
    box.replaceChildren(
      h("p", { class: "help" }, "不填时按 0 号生成（drafter render --variant N 取第 N 号）；点“用这一条”把它写进事实表："),
      h("ol", { class: "candidates" }, res.candidates.map((c) => h("li", { dataset: { variant: c.variant } },
        h("span", { class: "variant" }, c.variant === null ? "—" : `${c.variant} 号`),
        h("span", { class: "cand-text" }, c.text),
        h("button", { type: "button", class: "use", onclick: () => this.useCandidate(parts, info, c, box) }, "用这一条"),
        h("div", { class: "sources" }, `出处（${c.count} 次${c.same_genre ? "，本文种" : ""}）：`, c.sources.slice(0, 3).join("；"),
          c.sources.length > 3 ? ` 等 ${c.sources.length} 处` : "")))),
      close);
  }

  useCandidate(parts, info, candidate, box) {
    const current = getAt(this.data, parts);
    if (info.list || Array.isArray(current)) {
      const arr = Array.isArray(current) ? current : [];
      arr.push(candidate.text);
      setAt(this.data, parts, arr);
    } else {
      setAt(this.data, parts, candidate.text);
    }
    box.hidden = true;
    this.rerenderForm();
    this.edited();
    toast(`已填入 ${candidate.variant} 号套话`);
  }

  rerenderForm() {
    const pane = this.layout.querySelector("#form");
    const scroll = pane.scrollTop;
    pane.replaceChildren(this.form.render());
    pane.scrollTop = scroll;
  }

  // ---- save and download ------------------------------------------------------------------
  async save() {
    try {
      const res = await api.save(this.body({ version: this.version }));
      if (this.mode === "form") this.text = res.text;
      this.savedText = res.text;
      this.version = res.version;
      this.pending = false;
      this.updateStatus();
      toast(`已保存 ${this.name}（上一版保存在 ${res.backup}）`);
    } catch (e) {
      toast(e.message, "error");
    }
  }

  async download(fmt) {
    try {
      const { filename, blob } = await api.render(this.body({ format: fmt }));
      const url = URL.createObjectURL(blob);
      const a = h("a", { href: url, download: filename });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      toast(`已生成 ${filename}`);
    } catch (e) {
      if (e.problems && e.problems.length) this.showProblems(e.problems);
      toast(e.message, "error");
    }
  }

  // After a phrase was inserted on the phrase page.
  replaceSheet(text, data, field) {
    this.text = text;
    this.data = data;
    this.pending = true;
    this.focusOnRender = field;
  }
}

function lineTag(p) {
  return p.line ? h("span", { class: "line" }, `第 ${p.line} 行 `) : null;
}
