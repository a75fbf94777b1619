// The page's router: #/ home, #/edit/NAME editor, #/phrases phrase bank.
// The open editor survives a visit to the phrase bank, so an inserted phrase lands in it.

import { api } from "./api.js";
import { h, toast } from "./dom.js";
import { Editor } from "./editor.js";
import { renderHome } from "./home.js";
import { renderPhrases } from "./phrases.js";

const state = { info: null, editor: null };

async function route() {
  const view = document.getElementById("view");
  const hash = location.hash || "#/";
  try {
    if (!state.info) {
      state.info = await api.info();
      document.getElementById("folder").textContent = state.info.folder;
    }
    let el;
    if (hash.startsWith("#/edit/")) {
      const name = decodeURIComponent(hash.slice("#/edit/".length));
      if (!state.editor || state.editor.name !== name) {
        if (state.editor && state.editor.dirty && !confirm(`${state.editor.name} 有未保存的修改，确定放弃吗？`)) {
          location.hash = "#/edit/" + encodeURIComponent(state.editor.name);
          return;
        }
        state.editor = new Editor(await api.open(name), state.info);
      }
      el = state.editor.render();
    } else if (hash.startsWith("#/phrases")) {
      el = await renderPhrases(state.editor);
    } else {
      el = await renderHome(state.info);
    }
    view.replaceChildren(el);
    for (const a of document.querySelectorAll("header nav a")) {
      a.classList.toggle("active", hash.startsWith(a.getAttribute("href")) && (a.getAttribute("href") !== "#/" || !hash.slice(2)));
    }
  } catch (e) {
    view.replaceChildren(h("section", { class: "home" }, h("h1", {}, "出错了"), h("p", { class: "error" }, e.message),
      h("p", {}, h("a", { href: "#/" }, "返回首页"))));
    toast(e.message, "error");
  }
}

window.addEventListener("hashchange", route);
// Ctrl+S / ⌘S saves the open sheet, as in every editor a clerk knows.
window.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s" && state.editor && location.hash.startsWith("#/edit/")) {
    e.preventDefault();
    state.editor.save();
  }
});
window.addEventListener("beforeunload", (e) => {
  if (state.editor && state.editor.dirty) {
    e.preventDefault();
    e.returnValue = "";
  }
});
route();
