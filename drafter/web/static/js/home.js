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
    const open = (res, note) => {
      if (note) toast(note);
      location.hash = "#/edit/" + encodeURIComponent(res.name);
    };
    const extras = [];
    const last = sheets.filter((s) => s.template === t.id);
    if (info.carry && last.length) {
      const from = h("select", { class: "carry-from", "aria-label": "去年的事实表" },
        last.map((s) => h("option", { value: s.name }, `${s.name}${s.year ? `（${s.year}）` : ""}`)));
      const newTerm = h("input", { type: "checkbox", class: "carry-new-term" });
      const meeting = last.some((s) => s.meeting);
      const carry = async () => {
        try {
          open(await api.carry(t.id, input.value.trim(), from.value, newTerm.checked),
            "已按去年的事实表生成，标“待填”的数值请逐项填写");
        } catch (e) {
          toast(e.message, "error");
        }
      };
      extras.push(h("div", { class: "row carry" }, h("span", { class: "inline" }, "去年的："), from),
        h("div", { class: "row carry" },
          meeting ? h("label", { class: "inline" }, newTerm, "今年换届（下一届第一次会议）") : null,
          h("button", { type: "button", class: "carry-go", onclick: carry }, "从去年的事实表开始")));
    }
    if (info.import) {
      // The browser's own file button speaks the browser's language; ours speaks Chinese.
      const chosen = h("span", { class: "chosen" }, "未选择文件");
      const file = h("input", { type: "file", class: "import-file", accept: ".docx,.txt", "aria-label": "旧报告文件",
        onchange: () => (chosen.textContent = file.files.length ? file.files[0].name : "未选择文件") });
      const doImport = async () => {
        if (!file.files.length) return toast("请先选择旧报告（.docx 或 .txt）", "error");
        try {
          const res = await api.importReport(t.id, input.value.trim(), file.files[0]);
          open(res, res.unplaced ? `已导入；有 ${res.unplaced} 行没有对应的字段，已作为注释留在 YAML 原文中` : "已导入");
        } catch (e) {
          toast(e.message, "error");
        }
      };
      extras.push(h("div", { class: "row import" },
        h("label", { class: "button file-pick" }, "选择旧报告…", file), chosen,
        h("button", { type: "button", class: "import-go", onclick: doImport }, "导入旧报告")));
    }
    return h("div", { class: "card", dataset: { template: t.id } },
      h("h3", {}, t.name),
      h("p", { class: "help" }, t.description),
      h("div", { class: "row" }, input,
        h("button", { type: "button", class: "primary new", onclick: create }, "新建")),
      extras);
  });

  return h("section", { class: "home" },
    h("h1", {}, "事实表"),
    h("p", { class: "help" }, `文件夹：${info.folder}`),
    table,
    h("h2", {}, "新建事实表"),
    h("p", { class: "help" }, "新建的事实表带有中文说明和示例值（与 drafter new 相同），请改成本单位的事实。"),
    h("div", { class: "cards" }, cards));
}
