// Home: the fact sheets in the folder, and 新建 for every template.

import { api } from "./api.js";
import { formatDate, h, toast } from "./dom.js";

export async function renderHome(info) {
  const [sheets, templates] = await Promise.all([api.sheets(), api.templates()]);
  const names = Object.fromEntries(templates.map((t) => [t.id, t.name]));
  const table = sheets.length
    ? h("table", { class: "sheets", id: "sheets" },
      h("thead", {}, h("tr", {}, ["文件", "模板", "单位", "年份", "修改时间", "问题"].map((x) => h("th", {}, x)))),
      h("tbody", {}, sheets.map((s) => h("tr", { dataset: { name: s.name } },
        h("td", {}, h("a", { href: "#/edit/" + encodeURIComponent(s.name) }, s.name)),
        h("td", {}, s.template ? names[s.template] || s.template : "—"),
        h("td", {}, s.unit || "—"),
        h("td", {}, s.year || "—"),
        h("td", {}, formatDate(s.modified)),
        h("td", { class: s.errors ? "bad" : s.problems ? "warn" : "good" },
          s.problems ? `${s.problems} 个` + (s.errors ? `（错误 ${s.errors}）` : "") : "无")))))
    : h("p", { class: "empty" }, "这个文件夹里还没有事实表，请在下面新建一份。");

  const cards = templates.map((t) => {
    const input = h("input", { type: "text", class: "new-name", value: `${t.name}.yaml`,
      "aria-label": `${t.name} 的文件名` });
    const create = async () => {
      try {
        const res = await api.create(t.id, input.value.trim());
        location.hash = "#/edit/" + encodeURIComponent(res.name);
      } catch (e) {
        toast(e.message, "error");
      }
    };
    return h("div", { class: "card", dataset: { template: t.id } },
      h("h3", {}, t.name),
      h("p", { class: "help" }, t.description),
      h("div", { class: "row" }, input,
        h("button", { type: "button", class: "primary new", onclick: create }, "新建")));
  });

  return h("section", { class: "home" },
    h("h1", {}, "事实表"),
    h("p", { class: "help" }, `文件夹：${info.folder}`),
    table,
    h("h2", {}, "新建事实表"),
    h("p", { class: "help" }, "新建的事实表带有中文说明和示例值（与 drafter new 相同），请改成本单位的事实。"),
    h("div", { class: "cards" }, cards));
}
