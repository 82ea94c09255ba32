// One scope's memories: search with scores, filters on metadata, dates and event time,
// expired ones and an as-of moment, facts or their conversation turns, pages; its graph.
import { Engram } from "../api.js";
import { SCOPE_KEY, emptyState, h, link, metaChips, timeEl, typedValue } from "../dom.js";
import { expiryChip, happenedChip, speaker, validity } from "../time.js";
import { activityChart } from "../chart.js";
import { graphPanel } from "../graph.js";

const PAGE_SIZE = 20;

const KEYS = ["q", "key", "value", "from", "to", "hfrom", "hto", "asof", "expired", "show"];

function stateOf(query) {
  const n = parseInt(query.get("page") || "1", 10);
  const st = Object.fromEntries(KEYS.map((k) => [k, query.get(k) || ""]));
  return { ...st, page: Number.isFinite(n) && n > 0 ? n : 1 };
}

function hashFor(kind, id, st) {
  const qs = new URLSearchParams();
  for (const k of KEYS) if (st[k]) qs.set(k, st[k]);
  if (st.page > 1) qs.set("page", String(st.page));
  const s = qs.toString();
  return link("scope", kind, id) + (s ? `?${s}` : "");
}

// Metadata keys go inside {"metadata": ...}: the server refuses unknown top-level fields.
function metaFilter(st) {
  return st.key ? { metadata: { [st.key]: typedValue(st.value) } } : null;
}

// Conditions beyond the scope and metadata: event time (happened_at) and kind of record.
function otherFilters(st) {
  const parts = [];
  if (st.hfrom) parts.push({ happened_at: { gte: st.hfrom } });
  if (st.hto) parts.push({ happened_at: { lte: st.hto } });
  if (st.show === "turns") parts.push({ memory_type: "episode" });
  return parts;
}

function both(parts) {
  return parts.length > 1 ? { AND: parts } : parts[0] || null;
}

function searchFilters(scope, st) {
  const parts = [scope];
  const meta = metaFilter(st);
  if (meta) parts.push(meta);
  if (st.from) parts.push({ created_at: { gte: st.from } });
  if (st.to) parts.push({ created_at: { lte: st.to } });
  return both([...parts, ...otherFilters(st)]);
}

function memoryItem(m, withScore) {
  const turn = m.memory_type === "episode";
  const ev = (m.evidence || [])[0];
  return h("li", { class: (withScore ? "memory scored" : "memory") + (turn ? " turn" : "") },
    withScore ? h("span", { class: "score", title: "Similarity to the query" },
      h("meter", { min: 0, max: 1, value: Math.max(0, m.score ?? 0), "aria-hidden": "true" }),
      h("span", {}, (m.score ?? 0).toFixed(3))) : "",
    h("a", { class: "text", href: link("memory", m.id) }, m.memory),
    h("span", { class: "meta-line" }, turn ? [h("span", { class: "kind kind-turn" }, "turn"), " ", speaker(m), " "] : "",
      timeEl(m.created_at), " ", happenedChip(m), " ", expiryChip(m), " ",
      m.valid_from ? validity(m.valid_from, m.valid_until) : "", " ", metaChips(m.metadata)),
    ev ? h("span", { class: "from" }, "from ", speaker(ev), " ", h("q", {}, ev.memory)) : "");
}

export async function scopePage(ctx) {
  const [kind, id] = ctx.params;
  const scope = { [SCOPE_KEY[kind]]: id };
  const st = stateOf(ctx.query);
  const searching = !!st.q;
  const listBody = { ...scope, page: st.page, page_size: PAGE_SIZE };
  const meta = metaFilter(st);
  const filters = both([meta, ...otherFilters(st)].filter(Boolean));
  if (filters) listBody.filters = filters;
  if (st.from) listBody.start_date = st.from;
  if (st.to) listBody.end_date = st.to;
  const when = {};
  if (st.asof) when.as_of = st.asof;
  if (st.expired) when.show_expired = true;
  Object.assign(listBody, when);
  const filtered = !!(filters || st.from || st.to);
  const [found, listed, activity, graph] = await Promise.all([
    searching ? Engram.search({ query: st.q, filters: searchFilters(scope, st), top_k: 20,
      include_evidence: !st.asof, ...when }) : null,
    searching ? null : Engram.list(listBody),
    Engram.activity(scope),
    Engram.graph(scope),
  ]);
  const v = ctx.view;
  v.append(h("nav", { class: "crumbs", "aria-label": "Breadcrumb" }, h("a", { href: "#/" }, "Scopes"), " / ",
    h("span", { "aria-current": "page" }, `${kind} ${id}`)));
  v.append(h("div", { class: "page-head" },
    h("h1", {}, h("span", { class: `kind kind-${kind}` }, kind), " ", id),
    h("a", { class: "button", href: `#/add?${new URLSearchParams(scope)}` }, "Add memory")));
  v.append(h("section", { class: "panel" }, activityChart(activity.days, { width: ctx.width() - 40 })));

  const field = (name, label, attrs = {}) => [h("label", { for: `f-${name}` }, label),
    h("input", { id: `f-${name}`, name, value: st[name], ...attrs })];
  const form = h("form", { class: "panel filters", role: "search", onsubmit: (ev) => {
    ev.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    ctx.go(hashFor(kind, id, { ...data, page: 1 }));
  } },
  h("div", { class: "field grow" }, field("q", "Search", { type: "search", placeholder: "What are you looking for?",
    "data-shortcut": "/", autocomplete: "off" })),
  h("div", { class: "field" }, field("key", "Metadata key", { placeholder: "e.g. topic", autocomplete: "off" })),
  h("div", { class: "field" }, field("value", "equals", { placeholder: "e.g. food", autocomplete: "off" })),
  h("div", { class: "field" }, field("from", "Added from", { type: "date" })),
  h("div", { class: "field" }, field("to", "to", { type: "date" })),
  h("div", { class: "field" }, field("hfrom", "Happened from", { type: "date" })),
  h("div", { class: "field" }, field("hto", "until", { type: "date" })),
  h("div", { class: "field" }, field("asof", "As of", { placeholder: "e.g. 2024-05-01", autocomplete: "off",
    title: "A date or ISO time: what was held then, from the history" })),
  h("div", { class: "field" }, h("label", { for: "f-show" }, "Show"),
    h("select", { id: "f-show", name: "show" }, h("option", { value: "" }, "Facts"),
      h("option", { value: "turns", selected: st.show === "turns" }, "Conversation turns"))),
  h("div", { class: "field check" }, h("input", { id: "f-expired", name: "expired", type: "checkbox", value: "1",
    checked: !!st.expired }), h("label", { for: "f-expired" }, "Show expired")),
  h("div", { class: "field buttons" }, h("button", { type: "submit" }, "Apply"),
    KEYS.some((k) => st[k]) ? h("a", { href: hashFor(kind, id, { page: 1 }), class: "button secondary" }, "Clear") : ""));
  v.append(form);

  const results = h("section", { class: "panel", "aria-labelledby": "res-h" });
  v.append(results, graphPanel(graph)); // results are filled in below
  if (searching) {
    const hits = found.results;
    results.append(h("h2", { id: "res-h" }, `Results for “${st.q}”`),
      h("p", { class: "muted", role: "status" }, `${hits.length} ${hits.length === 1 ? "memory" : "memories"}, best first. Score: similarity to the query (0–1).`));
    results.append(hits.length ? h("ol", { class: "memories" }, hits.map((m) => memoryItem(m, true)))
      : emptyState("Nothing found", "No memory of this scope matches the query and filters."));
    return;
  }
  const total = listed.count ?? listed.total ?? listed.results.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  results.append(h("h2", { id: "res-h" }, st.asof ? `Memories held at ${st.asof}` : "Memories"),
    h("p", { class: "muted", role: "status" }, `${total} ${total === 1 ? "memory" : "memories"}` +
      (filtered ? " match the filters" : "") + ", newest first."));
  if (!listed.results.length) {
    results.append(st.page > 1 ? emptyState("No memories on this page", "", h("a", { href: hashFor(kind, id, { ...st, page: 1 }) }, "Go to the first page"))
      : emptyState(filtered ? "No memory matches these filters" : st.asof ? "Nothing was held then" : "This scope holds no memories",
        filtered ? "Change or clear the filters." : ""));
    return;
  }
  results.append(h("ol", { class: "memories" }, listed.results.map((m) => memoryItem(m, false))));
  if (pages > 1) {
    results.append(h("nav", { class: "pager", "aria-label": "Pages" },
      st.page > 1 ? h("a", { href: hashFor(kind, id, { ...st, page: st.page - 1 }), rel: "prev" }, "← Newer") : h("span"),
      h("span", {}, `Page ${st.page} of ${pages}`),
      st.page < pages ? h("a", { href: hashFor(kind, id, { ...st, page: st.page + 1 }), rel: "next" }, "Older →") : h("span")));
  }
}
