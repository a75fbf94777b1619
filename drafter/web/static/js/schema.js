// Reading a template's JSON Schema: labels, help, kinds of input, conditions.
// Nothing here knows any template: everything comes from the schema the server sends.

// A short Chinese label: the schema's title, else the first clause of its description.
export function labelOf(schema, key) {
  if (schema && schema.title) return schema.title;
  const d = (schema && schema.description) || "";
  if (!d) return key;
  // "换届报告（term）必填：本届政府的第一年" — the condition is shown elsewhere; the label is what follows.
  const rest = d.replace(/^[^：:。]{0,24}?(必填|选填|可选|可不填)[：:]\s*/, "");
  let cut = rest.split(/[，,；;。：:（(]/)[0].trim();
  return cut.length > 18 ? cut.slice(0, 16) + "…" : cut || key;
}

export function helpOf(schema) {
  return (schema && schema.description) || "";
}

export function typeOf(schema) {
  if (!schema) return "unknown";
  if ("const" in schema) return "const";
  let t = schema.type;
  if (Array.isArray(t)) t = t.find((x) => x !== "null");
  if (schema.enum && (t === undefined || t === "string" || t === "integer" || t === "number")) return "enum";
  if (t === "string" && (schema.format === "date")) return "date";
  if (t) return t;
  if (schema.properties) return "object";
  if (schema.items) return "array";
  return "unknown";
}

// Enum values explained in the description ("annual 为年度报告（…）；term 为换届…") become
// the select's labels; values without an explanation show as they are.
export function enumLabels(schema) {
  const d = helpOf(schema);
  const out = {};
  for (const v of schema.enum || []) {
    const re = new RegExp(String(v).replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "\\s*[为是]\\s*([^；;，,。（(]+)");
    const m = re.exec(d);
    out[v] = m && /[a-z]/i.test(String(v)) ? `${m[1].trim()}（${v}）` : String(v);
  }
  return out;
}

// The unit to show after a number: the schema's own (x-unit / unit), a sibling `unit` field's
// current value, or % for a change in percentage points.
export function unitOf(schema, siblingsSchema, siblingValue) {
  if (schema["x-unit"]) return schema["x-unit"];
  if (typeof schema.unit === "string") return schema.unit;
  if (siblingsSchema && siblingsSchema.unit && typeOf(siblingsSchema.unit) !== "number") return siblingValue || "（单位）";
  if (/百分点|百分比|%/.test(helpOf(schema))) return "%";
  return "";
}

// Conditional fields of an object: those a `then` (or `else`) requires that the object itself
// does not. Each gets a test telling whether its clause applies to the object's current value.
export function conditionals(schema) {
  const base = new Set(schema.required || []);
  const clauses = [];
  const collect = (s) => {
    if (s && s.if) clauses.push(s);
    for (const sub of (s && s.allOf) || []) collect(sub);
  };
  collect(schema);
  const out = {};
  for (const c of clauses) {
    const add = (branch, want) => {
      if (!branch) return;
      const names = new Set([...(branch.required || []), ...Object.keys(branch.properties || {})]);
      for (const n of names) {
        if (base.has(n)) continue;
        (out[n] = out[n] || []).push({ test: (obj) => matches(c.if, obj) === want, required: (branch.required || []).includes(n) });
      }
    };
    add(c.then, true);
    add(c.else, false);
  }
  return out;
}

// Enough of JSON Schema to evaluate an `if`: properties with const/enum/type, required, allOf.
export function matches(s, value) {
  if (s === true || s === undefined) return true;
  if (s === false) return false;
  if ("const" in s && value !== s.const) return false;
  if (s.enum && !s.enum.includes(value)) return false;
  const obj = value && typeof value === "object" && !Array.isArray(value) ? value : null;
  if (s.required && (!obj || s.required.some((k) => !(k in obj) || obj[k] === "" || obj[k] === null))) return false;
  if (s.properties && obj) {
    for (const [k, sub] of Object.entries(s.properties)) {
      if (k in obj && !matches(sub, obj[k])) return false;
    }
  }
  for (const sub of s.allOf || []) if (!matches(sub, value)) return false;
  if (s.anyOf && !s.anyOf.some((sub) => matches(sub, value))) return false;
  if (s.not && matches(s.not, value)) return false;
  return true;
}

// Fields a phrase can go into (as `phrases --into` takes them): dotted paths through objects
// only, ending at a list of texts (the phrase is appended as a new item) or at a one-sentence
// text (the phrase replaces it, after the clerk confirms).
export function insertableFields(schema, prefix = "", out = []) {
  for (const [k, sub] of Object.entries((schema && schema.properties) || {})) {
    const path = prefix ? `${prefix}.${k}` : k;
    const t = typeOf(sub);
    if (t === "object") insertableFields(sub, path, out);
    else if (t === "array" && typeOf(sub.items) === "string") out.push({ path, label: labelOf(sub, k), list: true });
    else if (t === "string" && !sub.enum && sub.format !== "date" && sub.const === undefined)
      out.push({ path, label: labelOf(sub, k), list: false });
  }
  return out;
}
