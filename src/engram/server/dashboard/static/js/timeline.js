// A memory's history as a timeline (ADD / UPDATE / DELETE with old -> new text), each
// version with the interval it was held, what made the change (an add, a re-extraction,
// a delete with its evidence) and how its evidence changed; a fact's evidence turns, and
// the facts citing a turn.
import { eventBadge, h, link, timeEl } from "./dom.js";
import { expiryChip, speaker, validity } from "./time.js";

const ORIGINS = { reextract: "re-extraction", delete_with_evidence: "deleted with its evidence" };

function evidenceNote(e) {
  const before = e.old_source_ids || [], after = e.new_source_ids || [];
  if (e.event === "DELETE" || !after.length) return "";
  const added = after.filter((s) => !before.includes(s)).length;
  const n = `${after.length} ${after.length === 1 ? "turn" : "turns"}`;
  return h("span", { class: "evidence-note" }, `evidence: ${n}` + (before.length && added ? ` (+${added})` : ""));
}

export function timeline(events) {
  return h("ol", { class: "timeline", "aria-label": "History, oldest first" }, events.map((e, i) => {
    const next = events[i + 1];
    const held = e.event === "DELETE" ? "" : validity(e.created_at, next ? next.created_at : null);
    return h("li", { class: `event ev-${e.event.toLowerCase()}` },
      h("div", { class: "when" }, eventBadge(e.event), " ", timeEl(e.created_at),
        e.actor_id ? h("span", { class: "muted" }, ` by ${e.actor_id}`) : "",
        e.origin ? [" ", h("span", { class: `origin origin-${e.origin}` }, ORIGINS[e.origin] || e.origin)] : ""),
      e.event === "UPDATE"
        ? h("p", { class: "change" }, h("del", {}, e.old_memory ?? ""), h("span", { class: "arrow", "aria-label": "changed to" }, " → "), h("ins", {}, e.new_memory ?? ""))
        : e.event === "DELETE"
          ? h("p", { class: "change" }, h("del", {}, e.old_memory ?? e.new_memory ?? ""))
          : h("p", { class: "change" }, h("ins", {}, e.new_memory ?? e.old_memory ?? "")),
      (held || evidenceNote(e)) ? h("p", { class: "held" }, held, " ", evidenceNote(e)) : "");
  }));
}

// turns: [id, record or null (deleted, or a position from an add that kept no turns)].
export function evidencePanel(turns) {
  const kept = turns.filter(([, t]) => t);
  const gone = turns.length - kept.length;
  return h("section", { class: "panel", "aria-labelledby": "ev-h" },
    h("h2", { id: "ev-h" }, "Evidence"),
    h("p", { class: "muted" }, kept.length
      ? "The conversation turns this fact was extracted from, in order."
      : "None of the turns this fact came from is stored."),
    kept.length ? h("ol", { class: "turns" }, kept.map(([id, t]) => h("li", { class: "turn" },
      h("div", { class: "said" }, speaker(t), " ", h("span", { class: "muted" }, "said "),
        timeEl(t.happened_at || t.created_at)),
      h("a", { class: "text", href: link("memory", id) }, t.memory)))) : "",
    gone ? h("p", { class: "hint" }, `${gone} cited ${gone === 1 ? "turn is" : "turns are"} not stored (deleted, or added with keep_episodes off).`) : "");
}

// facts: the stored facts whose source_ids name this turn (a source_ids filter), oldest
// first; more: whether there are more than were fetched.
export function citingPanel(facts, more) {
  return h("section", { class: "panel", "aria-labelledby": "cite-h" },
    h("h2", { id: "cite-h" }, "Facts citing this turn"),
    h("p", { class: "muted" }, facts.length
      ? "The stored facts extracted from this turn (deleting one leaves the turn)."
      : "No stored fact cites this turn: search can still find it as a turn."),
    facts.length ? h("ul", { class: "citing" }, facts.map((f) => h("li", { class: "fact" },
      h("a", { class: "text", href: link("memory", f.id) }, f.memory), " ", expiryChip(f)))) : "",
    more ? h("p", { class: "hint" }, `Only the first ${facts.length} are shown.`) : "");
}
