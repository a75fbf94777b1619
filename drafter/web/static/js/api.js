// Calls to the local server. Every call goes through `request`, which turns a refusal
// into an ApiError carrying the server's Chinese message and its problems.

export class ApiError extends Error {
  constructor(status, message, problems) {
    super(message);
    this.status = status;
    this.problems = problems || [];
  }
}

async function request(method, url, body) {
  const init = { method, headers: {}, credentials: "same-origin" };
  if (body !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, "无法连接 drafter 服务（是否已在终端中按 Ctrl-C 停止？）", []);
  }
  return res;
}

async function json(method, url, body) {
  const res = await request(method, url, body);
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data.error || `请求失败（${res.status}）`, data.problems);
  return data;
}

export const api = {
  info: () => json("GET", "/api/info"),
  templates: () => json("GET", "/api/templates"),
  sheets: () => json("GET", "/api/sheets"),
  open: (name) => json("GET", "/api/sheet?name=" + encodeURIComponent(name)),
  template: (id) => json("GET", "/api/template?id=" + encodeURIComponent(id)),
  create: (template, name) => json("POST", "/api/new", { template, name }),
  carry: (template, name, from, newTerm) => json("POST", "/api/carry", { template, name, from, new_term: newTerm }),
  async importReport(template, name, file) {
    const url = `/api/import?template=${encodeURIComponent(template)}&name=${encodeURIComponent(name)}` +
      `&filename=${encodeURIComponent(file.name)}`;
    let res;
    try {
      res = await fetch(url, { method: "POST", body: file, credentials: "same-origin",
        headers: { "content-type": "application/octet-stream" } });
    } catch (e) {
      throw new ApiError(0, "无法连接 drafter 服务（是否已在终端中按 Ctrl-C 停止？）", []);
    }
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new ApiError(res.status, data.error || `导入失败（${res.status}）`, data.problems);
    return data;
  },
  preview: (body) => json("POST", "/api/preview", body),
  suggest: (body) => json("POST", "/api/suggest", body),
  save: (body) => json("POST", "/api/save", body),
  insert: (body) => json("POST", "/api/insert", body),
  facets: () => json("GET", "/api/phrase_facets"),
  phrases: (q, role, genre) =>
    json("GET", `/api/phrases?q=${encodeURIComponent(q)}&role=${encodeURIComponent(role || "")}` +
      `&genre=${encodeURIComponent(genre || "")}&limit=60`),
  // The rendered file: {filename, blob}; refusals come back as ApiError with problems.
  async render(body) {
    const res = await request("POST", "/api/render", body);
    if (!res.ok) {
      const data = await res.json().catch(() => ({}));
      throw new ApiError(res.status, data.error || `生成失败（${res.status}）`, data.problems);
    }
    const cd = res.headers.get("content-disposition") || "";
    const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
    return { filename: m ? decodeURIComponent(m[1]) : "报告.docx", blob: await res.blob() };
  },
};
