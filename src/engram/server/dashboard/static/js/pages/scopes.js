// The project's scopes (users, agents, runs) with counts, searchable; activity chart.
import { Engram } from "../api.js";
import { emptyState, h, link, replace, timeEl } from "../dom.js";
import { activityChart } from "../chart.js";

const LABEL = { user: "Users", agent: "Agents", run: "Runs" };

export async function scopesPage(ctx) {
  const [entities, activity] = await Promise.all([Engram.scopes(), Engram.activity()]);
  const rows = entities.results;
  const v = ctx.view;
  v.append(h("div", { class: "page-head" },
    h("h1", {}, "Scopes"),
    h("a", { class: "button", href: "#/add" }, "Add memory")));
  v.append(h("ul", { class: "stats", "aria-label": "Totals" },
    Object.entries(LABEL).map(([k, label]) =>
      h("li", {}, h("span", { class: "n" }, String(activity.scopes[k] ?? 0)), " ", label)),
    h("li", {}, h("span", { class: "n" }, String(activity.total)), " added in 30 days",
      activity.truncated ? " (at least)" : "")));
  v.append(h("section", { class: "panel", "aria-labelledby": "act-h" },
    h("h2", { id: "act-h", class: "sr-only" }, "Activity"),
    activityChart(activity.days, { width: ctx.width() - 40 })));

  if (!rows.length) {
    v.append(emptyState("No memories yet",
      "Memories appear here, grouped by the user, agent or run they belong to.",
      h("a", { class: "button", href: "#/add" }, "Add the first memory")));
    return;
  }
  const filter = h("input", { type: "search", id: "scope-filter", placeholder: "Filter by id…",
    "data-shortcut": "/", autocomplete: "off", "aria-describedby": "scope-count" });
  const kind = h("select", { id: "scope-kind" }, h("option", { value: "" }, "All kinds"),
    Object.entries(LABEL).map(([k, label]) => h("option", { value: k }, label)));
  const count = h("p", { id: "scope-count", class: "muted", "aria-live": "polite" });
  const body = h("tbody");
  const table = h("table", { class: "scopes" },
    h("caption", { class: "sr-only" }, "Scopes with memories"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Kind"), h("th", { scope: "col" }, "Id"),
      h("th", { scope: "col", class: "num" }, "Memories"), h("th", { scope: "col" }, "Last change"))),
    body);
  const render = () => {
    const q = filter.value.trim().toLowerCase();
    const shown = rows.filter((r) => (!kind.value || r.type === kind.value) &&
      (!q || String(r.id).toLowerCase().includes(q)));
    replace(body, shown.map((r) => h("tr", {},
      h("td", { "data-label": "Kind" }, h("span", { class: `kind kind-${r.type}` }, r.type)),
      h("td", { "data-label": "Id" }, h("a", { href: link("scope", r.type, r.id) }, r.id)),
      h("td", { "data-label": "Memories", class: "num" }, String(r.total_memories),
        h("span", { class: "unit" }, r.total_memories === 1 ? " memory" : " memories")),
      h("td", { "data-label": "Last change" }, timeEl(r.updated_at || r.created_at)))));
    count.textContent = shown.length === rows.length ? `${rows.length} scopes`
      : `${shown.length} of ${rows.length} scopes match`;
    table.hidden = !shown.length;
    noMatch.hidden = !!shown.length;
  };
  const noMatch = emptyState("No scope matches", "Try another id or kind.");
  filter.addEventListener("input", render);
  kind.addEventListener("change", render);
  v.append(h("section", { class: "panel", "aria-labelledby": "scopes-h" },
    h("h2", { id: "scopes-h" }, "Users, agents and runs"),
    h("div", { class: "toolbar" },
      h("label", { for: "scope-filter", class: "sr-only" }, "Filter scopes by id"), filter,
      h("label", { for: "scope-kind", class: "sr-only" }, "Kind"), kind),
    count, table, noMatch));
  render();
}
