// Field paths, written the way drafter's messages write them: review.sections[1].heading
// (list items counted from 1), so a problem's `field` finds its input directly.

export function fieldPath(parts) {
  let out = "";
  for (const p of parts) {
    if (typeof p === "number") out += `[${p + 1}]`;
    else out += (out ? "." : "") + p;
  }
  return out;
}

// Parent paths of a problem's field, nearest first: a.b[2].c → a.b[2] → a.b → a
export function ancestors(path) {
  const out = [];
  let p = path;
  while (p) {
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    if (cut <= 0) break;
    p = p.slice(0, cut);
    out.push(p);
  }
  return out;
}

export function getAt(root, parts) {
  let node = root;
  for (const p of parts) {
    if (node === undefined || node === null) return undefined;
    node = node[p];
  }
  return node;
}

// Set a value, creating the objects on the way; `undefined` removes an object key.
export function setAt(root, parts, value) {
  let node = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i];
    if (node[p] === undefined || node[p] === null || typeof node[p] !== "object") {
      node[p] = typeof parts[i + 1] === "number" ? [] : {};
    }
    node = node[p];
  }
  const last = parts[parts.length - 1];
  if (value === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = value;
}

// What is sent to the server: empty optional values left out (so the YAML has no `key: ""`),
// list items kept in place (so item numbers in problems match the form).
export function pruned(value) {
  if (Array.isArray(value)) return value.map((v) => (isPlainObject(v) ? prunedObject(v) : v === undefined ? null : v));
  if (isPlainObject(value)) return prunedObject(value);
  return value;
}

function prunedObject(obj) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === null || v === "" || (typeof v === "number" && Number.isNaN(v))) continue;
    const p = pruned(v);
    if (Array.isArray(p) && p.length === 0) continue;
    if (isPlainObject(p) && Object.keys(p).length === 0) continue;
    out[k] = p;
  }
  return out;
}

function isPlainObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
