// A scope's graph memory as a list: "source —relationship→ target", newest first.
// Relations later contradicted stay listed, struck through, marked "(no longer true)".
// Entity buttons narrow the list to one entity (native buttons: keyboard reachable).
import { emptyState, h, replace } from "./dom.js";

// "lives_in" reads as "lives in"; the stored name stays in the title.
const words = (rel) => String(rel).replace(/_/g, " ");

function relationItem(r) {
  const triple = [h("span", { class: "ent" }, r.source), " ",
    h("span", { class: "rel", title: r.relationship }, `—${words(r.relationship)}→`), " ",
    h("span", { class: "ent" }, r.target)];
  return h("li", { class: r.valid ? "relation" : "relation invalid" },
    r.valid ? triple : [h("del", {}, triple), " ", h("span", { class: "gone" }, "(no longer true)")]);
}

export function graphPanel(data) {
  const rels = data.relations || [];
  const panel = h("section", { class: "panel graph", "aria-labelledby": "graph-h" },
    h("h2", { id: "graph-h" }, "Graph"));
  if (!rels.length) {
    panel.append(emptyState("No relations yet: graph memory is off or nothing was extracted."));
    return panel;
  }
  const stale = rels.filter((r) => !r.valid).length;
  const summary = `${rels.length} ${rels.length === 1 ? "relation" : "relations"}` +
    (stale ? `, ${stale} no longer true` : "") + ", newest first.";
  const status = h("p", { class: "muted", role: "status", id: "graph-status" }, summary);
  const items = rels.map((r) => [r, relationItem(r)]);
  const list = h("ul", { class: "relations", "aria-labelledby": "graph-h" }, items.map(([, li]) => li));
  const buttons = [];
  const show = (name) => {
    let n = 0;
    for (const [r, li] of items) {
      li.hidden = name !== null && r.source !== name && r.target !== name;
      if (!li.hidden) n += 1;
    }
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.entity === (name ?? "")));
    replace(status, name === null ? summary : `${n} ${n === 1 ? "relation" : "relations"} of ${name}.`);
  };
  const chip = (label, name) => {
    const b = h("button", { type: "button", class: "chip entity", "aria-pressed": String(name === null),
      "data-entity": name ?? "", onclick: () => show(name) }, label);
    buttons.push(b);
    return b;
  };
  const entities = data.entities || [];
  panel.append(status,
    entities.length > 1 ? h("div", { class: "entities", role: "group", "aria-label": "Show relations of" },
      chip("All", null), entities.map((e) => chip(e, e))) : "",
    list);
  return panel;
}
