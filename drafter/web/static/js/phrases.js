// The phrase bank: live filter by text or pinyin initials, by role and genre, sources shown;
// 插入 puts a phrase into a field of the open sheet under the rules of `phrases --into`.

import { api } from "./api.js";
import { debounce, h, toast } from "./dom.js";
import { insertableFields } from "./schema.js";

export async function renderPhrases(editor) {
  const facets = await api.facets();
  const q = h("input", { type: "search", id: "phrase-query", placeholder: "输入文字或拼音首字母，如 zhengque 或 zqld", autofocus: true });
  const role = h("select", { id: "phrase-role" }, h("option", { value: "" }, "全部角色"),
    facets.roles.map((r) => h("option", { value: r.id }, r.label)));
  const genre = h("select", { id: "phrase-genre" }, h("option", { value: "" }, "全部文种"),
    facets.genres.map((g) => h("option", { value: g.id }, g.label)));
  let target = null;
  if (editor && editor.schema) {
    // Formula fields first (where phrases usually go), then the other text fields.
    const all = insertableFields(editor.schema);
    const fields = [...all.filter((f) => editor.formulas[f.path]), ...all.filter((f) => !editor.formulas[f.path])];
    target = h("select", { id: "phrase-field" },
      fields.map((f) => h("option", { value: f.path, "data-list": f.list ? "1" : "" },
        `${f.label}（${f.path}，${f.list ? "追加一项" : "替换"}）`)));
  }
  if (target) target.addEventListener("change", () => (target.dataset.touched = "1"));
  const list = h("ol", { class: "phrases", id: "phrase-list" });
  const count = h("p", { class: "help", id: "phrase-count" });

  let seq = 0;
  const update = async () => {
    const mine = ++seq;
    if (!q.value.trim()) {
      count.textContent = "输入文字、关键词或拼音首字母开始查找（可先选角色和文种）。";
      list.replaceChildren();
      return;
    }
    const asked = `${q.value}|${role.value}|${genre.value}`;
    let res;
    try {
      res = await api.phrases(q.value, role.value, genre.value);
    } catch (e) {
      toast(e.message, "error");
      return;
    }
    if (mine !== seq) return;
    list.dataset.shown = asked;  // the query this list answers (tests wait on it)
    count.textContent = `找到 ${res.phrases.length} 条` + (res.phrases.length >= 60 ? "（只显示前 60 条，请输入更多文字缩小范围）" : "");
    list.replaceChildren(...res.phrases.map((p) => h("li", {},
      h("div", { class: "phrase-text" }, p.text),
      h("div", { class: "meta" },
        h("span", { class: "tag" }, facets.roleLabels[p.role] || p.role),
        p.function ? h("span", { class: "tag" }, p.function) : null,
        (p.genres || []).map((g) => h("span", { class: "tag genre" }, facets.genreLabels[g] || g)),
        h("span", {}, ` 出现 ${p.count} 次`)),
      h("div", { class: "sources" }, "出处：", (p.sources || []).slice(0, 3).join("；"),
        (p.sources || []).length > 3 ? ` 等 ${p.sources.length} 处` : ""),
      target ? h("button", { type: "button", class: "insert", onclick: () => insert(p) }, "插入到所选字段") : null)));
    if (target && !target.dataset.touched) {
      // Preselect the formula field of the role most results belong to.
      const role = res.phrases.length ? res.phrases[0].role : null;
      const hit = Object.entries(editor.formulas).find(([, info]) => info.role === role);
      if (hit && [...target.options].some((o) => o.value === hit[0])) target.value = hit[0];
    }
  };

  const insert = async (p) => {
    try {
      const option = target.options[target.selectedIndex];
      let replace = false;
      if (option && !option.dataset.list) {
        // a one-sentence field: replacing what the clerk wrote needs a yes
        if (!confirm(`用所选表述替换“${option.textContent}”的内容吗？`)) return;
        replace = true;
      }
      const res = await api.insert(editor.body({ field: target.value, phrase: p.text, replace }));
      editor.replaceSheet(res.text, res.data, target.value);
      toast(`已插入到 ${target.value}`);
      location.hash = "#/edit/" + encodeURIComponent(editor.name);
    } catch (e) {
      toast(e.message, "error");
    }
  };

  const live = debounce(update, 120);
  q.addEventListener("input", live);
  role.addEventListener("change", update);
  genre.addEventListener("change", update);
  update();
  return h("section", { class: "phrasebank" },
    h("h1", {}, "常用语库"),
    h("div", { class: "filters" }, q, role, genre),
    editor && target
      ? h("p", { class: "into" }, `插入到 ${editor.name} 的字段：`, target,
        h("a", { href: "#/edit/" + encodeURIComponent(editor.name) }, " 返回编辑"))
      : h("p", { class: "help" }, "先打开一份事实表，才能把常用语插入其中的列表字段（引语、收束句等单句套话请在编辑页用“选套话”）。"),
    count, list);
}
