// The editor: a form generated from the template's JSON Schema and bound to the sheet's data.
// Objects become groups, arrays lists with add / remove / move, enums selects, dates date inputs,
// numbers number inputs with their unit; fields a `then` asks for appear when their `if` holds.

import { h } from "./dom.js";
import { fieldPath, getAt, setAt } from "./paths.js";
import { conditionals, enumLabels, helpOf, labelOf, typeOf, unitOf } from "./schema.js";

export class SheetForm {
  // hooks: changed() after any edit; formula(path) → info or undefined; pick(path, parts, info)
  constructor(schema, data, hooks) {
    this.schema = schema;
    this.data = data;
    this.hooks = hooks;
    this.refreshers = [];
  }

  render() {
    this.refreshers = [];
    const root = h("div", { class: "sheet-form" });
    this.objectBody(root, this.schema, []);
    this.root = root;
    this.refresh();
    return root;
  }

  // Re-evaluate everything that depends on other values (conditions, units, item titles).
  refresh() {
    for (const r of this.refreshers) r();
  }

  changed() {
    this.refresh();
    this.hooks.changed();
  }

  // ---- objects ----------------------------------------------------------------------------
  objectBody(container, schema, parts) {
    const required = new Set(schema.required || []);
    const conds = conditionals(schema);
    const props = schema.properties || {};
    for (const [key, sub] of Object.entries(props)) {
      const childParts = [...parts, key];
      const el = this.node(sub, childParts, key, required.has(key), schema);
      if (!el) continue;
      if (conds[key]) {
        const clauses = conds[key];
        const mark = el.querySelector(".req-mark");
        this.refreshers.push(() => {
          const obj = getAt(this.data, parts) || {};
          const applies = clauses.filter((c) => c.test(obj));
          const has = obj[key] !== undefined && obj[key] !== "";
          el.hidden = !applies.length && !has;
          el.classList.toggle("conditional", true);
          if (mark) mark.textContent = applies.some((c) => c.required) ? " *" : "";
        });
      }
      container.append(el);
    }
  }

  node(schema, parts, key, required, parentSchema) {
    const kind = typeOf(schema);
    if (kind === "object") return this.group(schema, parts, key, required);
    if (kind === "array") return this.array(schema, parts, key, required);
    return this.field(schema, parts, key, required, parentSchema);
  }

  group(schema, parts, key, required) {
    const path = fieldPath(parts);
    const box = h("fieldset", { class: "group", dataset: { path } },
      h("legend", {}, labelOf(schema, key), required ? h("span", { class: "req-mark" }, " *") : null),
      helpOf(schema) && helpOf(schema) !== labelOf(schema, key) ? h("p", { class: "help" }, helpOf(schema)) : null,
      h("ul", { class: "field-problems" }));
    this.objectBody(box, schema, parts);
    return box;
  }

  // ---- arrays -----------------------------------------------------------------------------
  array(schema, parts, key, required) {
    const path = fieldPath(parts);
    const items = schema.items || {};
    const box = h("fieldset", { class: "group array", dataset: { path } },
      h("legend", {}, labelOf(schema, key), required ? h("span", { class: "req-mark" }, " *") : null),
      helpOf(schema) ? h("p", { class: "help" }, helpOf(schema)) : null,
      h("ul", { class: "field-problems" }));
    const list = h("div", { class: "array-items" });
    const formula = this.hooks.formula(path);
    const add = h("button", { type: "button", class: "add", onclick: () => {
      const arr = this.ensureArray(parts);
      arr.push(emptyValue(items));
      this.fillList(list, schema, parts);
      this.changed();
      const last = list.lastElementChild;
      const input = last && last.querySelector("input, textarea, select");
      if (input) input.focus();
    } }, "＋ 添加一项");
    box.append(list, h("div", { class: "array-actions" }, add,
      formula ? this.pickButton(path, parts, formula) : null));
    this.fillList(list, schema, parts);
    return box;
  }

  ensureArray(parts) {
    let arr = getAt(this.data, parts);
    if (!Array.isArray(arr)) {
      arr = [];
      setAt(this.data, parts, arr);
    }
    return arr;
  }

  fillList(list, schema, parts) {
    const items = schema.items || {};
    const arr = getAt(this.data, parts);
    list.replaceChildren();
    const n = Array.isArray(arr) ? arr.length : 0;
    for (let i = 0; i < n; i++) {
      const itemParts = [...parts, i];
      const move = (delta) => () => {
        const a = getAt(this.data, parts);
        const j = i + delta;
        if (j < 0 || j >= a.length) return;
        [a[i], a[j]] = [a[j], a[i]];
        this.fillList(list, schema, parts);
        this.changed();
      };
      const remove = () => {
        const a = getAt(this.data, parts);
        a.splice(i, 1);
        if (!a.length) setAt(this.data, parts, undefined);
        this.fillList(list, schema, parts);
        this.changed();
      };
      const title = h("span", { class: "item-title" });
      const head = h("div", { class: "item-head" }, title,
        h("span", { class: "item-tools" },
          h("button", { type: "button", title: "上移", "aria-label": "上移", disabled: i === 0, onclick: move(-1) }, "↑"),
          h("button", { type: "button", title: "下移", "aria-label": "下移", disabled: i === n - 1, onclick: move(1) }, "↓"),
          h("button", { type: "button", title: "删除这一项", "aria-label": "删除", class: "danger", onclick: remove }, "✕")));
      const itemKind = typeOf(items);
      const body = h("div", { class: "item-body" });
      if (itemKind === "object") this.objectBody(body, items, itemParts);
      else body.append(this.node(items, itemParts, null, false, null));
      const el = h("div", { class: "array-item", dataset: { path: fieldPath(itemParts) } }, head,
        itemKind === "object" ? h("ul", { class: "field-problems" }) : null, body);
      const titleText = () => {
        const v = getAt(this.data, itemParts);
        const first = v && typeof v === "object" ? Object.values(v).find((x) => typeof x === "string" && x) : null;
        title.textContent = `第 ${i + 1} 项` + (first ? `：${first.length > 24 ? first.slice(0, 24) + "…" : first}` : "");
      };
      titleText();
      this.refreshers.push(titleText);
      list.append(el);
    }
    this.refresh();
  }

  // ---- leaves -----------------------------------------------------------------------------
  field(schema, parts, key, required, parentSchema) {
    const path = fieldPath(parts);
    const kind = typeOf(schema);
    const value = getAt(this.data, parts);
    const id = "f-" + path.replace(/[^\w]/g, "_");
    const set = (v) => {
      setAt(this.data, parts, v);
      this.changed();
    };
    let control;
    let suffix = null;
    if (kind === "const") {
      control = h("input", { id, type: "text", value: String(schema.const), readonly: true, class: "const" });
    } else if (kind === "enum") {
      const labels = enumLabels(schema);
      control = h("select", { id, onchange: (e) => set(e.target.value === "" ? undefined : coerce(schema, e.target.value)) },
        h("option", { value: "" }, required ? "（请选择）" : "（不填）"),
        ...schema.enum.map((v) => h("option", { value: String(v) }, labels[v])));
      control.value = value === undefined || value === null ? "" : String(value);
    } else if (kind === "date") {
      control = h("input", { id, type: "date", value: value || "", oninput: (e) => set(e.target.value || undefined) });
    } else if (kind === "integer" || kind === "number") {
      control = h("input", {
        id, type: "number", inputmode: kind === "integer" ? "numeric" : "decimal",
        step: kind === "integer" ? "1" : "any", min: schema.minimum, max: schema.maximum,
        value: value === undefined || value === null ? "" : String(value),
        oninput: (e) => {
          const raw = e.target.value.trim();
          if (raw === "") return set(undefined);
          const n = Number(raw);
          if (!Number.isNaN(n)) set(n);
        },
      });
      const siblings = parentSchema && parentSchema.properties;
      const unit = h("span", { class: "unit" });
      this.refreshers.push(() => {
        const sib = getAt(this.data, [...parts.slice(0, -1), "unit"]);
        unit.textContent = unitOf(schema, siblings, typeof sib === "string" ? sib : "");
      });
      suffix = unit;
    } else if (kind === "boolean") {
      control = h("input", { id, type: "checkbox", onchange: (e) => set(e.target.checked) });
      control.checked = value === true;
    } else if (kind === "string") {
      control = h("textarea", { id, rows: 1, value: value === undefined || value === null ? "" : String(value),
        oninput: (e) => { autoGrow(e.target); set(e.target.value); } });
      requestAnimationFrame(() => autoGrow(control));
    } else {
      control = h("div", { class: "raw" }, "此项结构较复杂，请直接在 YAML 文件中编辑：",
        h("code", {}, JSON.stringify(value === undefined ? null : value)));
    }
    const formula = this.hooks.formula(path);
    // A list item of plain text has no label of its own: the item's head says 第 N 项.
    const label = key === null ? null : h("label", { for: id }, labelOf(schema, key),
      h("span", { class: "req-mark" }, required ? " *" : ""));
    const help = key === null ? "" : helpOf(schema);
    return h("div", { class: "field", dataset: { path } },
      label,
      h("div", { class: "control" }, control, suffix, formula ? this.pickButton(path, parts, formula) : null),
      help && help !== labelOf(schema, key) ? h("p", { class: "help" }, help) : null,
      formula ? h("div", { class: "picker", hidden: true }) : null,
      h("ul", { class: "field-problems" }));
  }

  pickButton(path, parts, info) {
    return h("button", { type: "button", class: "pick", dataset: { field: path },
      title: "从常用语库中挑选这一处的套话（按 --variant 的编号）",
      onclick: (e) => this.hooks.pick(path, parts, info, e.target.closest(".field, .group")) }, "选套话");
  }
}

function coerce(schema, raw) {
  const t = schema.type;
  if ((t === "integer" || t === "number") && raw !== "") return Number(raw);
  const hit = (schema.enum || []).find((v) => String(v) === raw);
  return hit === undefined ? raw : hit;
}

export function emptyValue(schema) {
  const t = typeOf(schema);
  if (t === "object") return {};
  if (t === "array") return [];
  if (t === "string" || t === "date" || t === "enum") return "";
  return null;
}

export function autoGrow(el) {
  el.style.height = "auto";
  el.style.height = el.scrollHeight + 2 + "px";
}
