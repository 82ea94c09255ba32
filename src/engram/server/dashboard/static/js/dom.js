// DOM helpers: elements are built with h(), never from HTML strings, so memory text
// and ids (user data) can never become markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function when(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
}

export function timeEl(iso) {
  return iso ? h("time", { datetime: iso, title: iso }, when(iso)) : "";
}

// Hash routes carry ids: encode every segment.
export function link(...parts) {
  return "#/" + parts.map((p) => encodeURIComponent(p)).join("/");
}

export const SCOPE_KEY = { user: "user_id", agent: "agent_id", run: "run_id" };

export function scopeOf(mem) {
  return Object.entries(SCOPE_KEY)
    .filter(([, key]) => mem[key])
    .map(([kind, key]) => ({ kind, id: mem[key] }));
}

export function scopeChips(mem) {
  return h("span", { class: "chips" }, scopeOf(mem).map(({ kind, id }) =>
    h("a", { class: "chip", href: link("scope", kind, id) }, h("span", { class: "k" }, kind), " ", id)));
}

export function metaChips(meta) {
  const entries = Object.entries(meta || {});
  if (!entries.length) return "";
  return h("span", { class: "chips" }, entries.map(([k, v]) =>
    h("span", { class: "chip meta" }, h("span", { class: "k" }, k), " ",
      typeof v === "string" ? v : JSON.stringify(v))));
}

export function emptyState(title, text, action) {
  return h("div", { class: "empty" }, h("p", { class: "empty-title" }, title),
    text ? h("p", {}, text) : "", action || "");
}

export function eventBadge(event) {
  return h("span", { class: `badge ev-${String(event).toLowerCase()}` }, event);
}

// Parse a value typed into a filter box: numbers and true/false as JSON, else text.
export function typedValue(raw) {
  const t = raw.trim();
  if (/^(true|false|null|-?\d+(\.\d+)?)$/.test(t)) return JSON.parse(t);
  return t;
}
