// One memory: its text, scope, times and metadata; its evidence turns; edit and delete
// (confirmed); its history as a timeline (../timeline.js).
import { ApiError, Engram } from "../api.js";
import { h, metaChips, scopeChips, scopeOf, link, timeEl, SCOPE_KEY } from "../dom.js";
import { citingPanel, evidencePanel, timeline } from "../timeline.js";
import { expiryChip, speaker } from "../time.js";

const MAX_TURNS = 50; // evidence turns fetched for one fact
const MAX_CITING = 50; // facts citing one turn fetched
const orNull = (e) => { if (e instanceof ApiError && e.kind === "notfound") return null; throw e; };

export async function memoryPage(ctx) {
  const [id] = ctx.params;
  const [memory, history] = await Promise.all([
    Engram.get(id).catch(orNull),
    Engram.history(id).catch((e) => { if (e instanceof ApiError && e.kind === "notfound") return []; throw e; }),
  ]);
  if (!memory && !history.length) throw new ApiError("notfound", `No memory with id ${id} in this project.`);
  const cited = memory && memory.memory_type !== "episode" ? (memory.source_ids || []).slice(0, MAX_TURNS) : [];
  const turns = await Promise.all(cited.map((s) => Engram.get(s).catch(orNull)
    .then((t) => [s, t && t.memory_type === "episode" ? t : null])));
  // A turn's facts: those of its scope whose provenance names it (expired ones too).
  const citing = memory && memory.memory_type === "episode"
    ? await Engram.list({ ...Object.fromEntries(scopeOf(memory).map(({ kind, id: v }) => [SCOPE_KEY[kind], v])),
      filters: { source_ids: memory.id }, page_size: MAX_CITING, show_expired: true }) : null;
  const v = ctx.view;
  const home = memory ? scopeOf(memory)[0] : null;
  v.append(h("nav", { class: "crumbs", "aria-label": "Breadcrumb" }, h("a", { href: "#/" }, "Scopes"),
    home ? [" / ", h("a", { href: link("scope", home.kind, home.id) }, `${home.kind} ${home.id}`)] : "",
    " / ", h("span", { "aria-current": "page" }, "Memory")));
  if (!memory) {
    v.append(h("div", { class: "page-head" }, h("h1", {}, "Deleted memory")),
      h("p", { class: "panel notice" }, "This memory was deleted; its history is kept."));
  } else {
    v.append(h("div", { class: "page-head" }, h("h1", { class: "memory-text" }, memory.memory)));
    v.append(h("dl", { class: "panel facts" },
      h("dt", {}, "Scope"), h("dd", {}, scopeChips(memory)),
      h("dt", {}, "Metadata"), h("dd", {}, metaChips(memory.metadata) || h("span", { class: "muted" }, "none")),
      memory.memory_type === "episode" ? [h("dt", {}, "Kind"), h("dd", {}, "A turn of a conversation, by ", speaker(memory))] : "",
      h("dt", {}, "Happened"), h("dd", {}, timeEl(memory.happened_at || memory.created_at),
        h("span", { class: "hint" }, " when it was said")),
      h("dt", {}, "Added"), h("dd", {}, timeEl(memory.created_at)),
      h("dt", {}, "Expires"), h("dd", {}, expiryChip(memory) || h("span", { class: "muted" }, "never")),
      h("dt", {}, "Updated"), h("dd", {}, memory.updated_at ? timeEl(memory.updated_at) : h("span", { class: "muted" }, "never")),
      h("dt", {}, "Id"), h("dd", {}, h("code", {}, memory.id))));
    if (cited.length) v.append(evidencePanel(turns));
    if (citing) v.append(citingPanel(citing.results, (citing.count ?? citing.results.length) > citing.results.length));
    v.append(editor(ctx, memory, home, turns.filter(([, t]) => t).length));
  }
  v.append(h("section", { class: "panel", "aria-labelledby": "hist-h" },
    h("h2", { id: "hist-h" }, "History"), timeline(history)));
}

function editor(ctx, memory, home, stored) {
  const text = h("textarea", { id: "edit-text", name: "text", rows: 3, required: true }, memory.memory);
  const metaText = JSON.stringify(memory.metadata || {}, null, 2);
  const meta = h("textarea", { id: "edit-meta", name: "metadata", spellcheck: "false",
    rows: Math.min(10, Math.max(2, metaText.split("\n").length)),
    "aria-describedby": "edit-meta-help edit-error" }, metaText);
  const error = h("p", { id: "edit-error", class: "msg error", role: "alert", hidden: true });
  const showError = (msg) => { error.hidden = false; error.textContent = msg; };
  const save = async (ev) => {
    ev.preventDefault();
    error.hidden = true;
    let metadata;
    try {
      metadata = JSON.parse(meta.value.trim() || "{}");
      if (typeof metadata !== "object" || Array.isArray(metadata) || metadata === null) throw new Error("not an object");
    } catch {
      showError("Metadata must be a JSON object, for example {\"topic\": \"food\"}.");
      meta.focus();
      return;
    }
    const body = {};
    if (text.value !== memory.memory) body.text = text.value;
    if (JSON.stringify(metadata) !== JSON.stringify(memory.metadata || {})) body.metadata = metadata;
    if (!Object.keys(body).length) { showError("Nothing changed."); return; }
    const ok = await ctx.confirm("Save changes?", [
      body.text !== undefined ? h("p", { class: "change" }, h("del", {}, memory.memory), " → ", h("ins", {}, body.text)) : "",
      body.metadata !== undefined ? h("p", {}, "Metadata will be replaced.") : "",
      h("p", { class: "muted" }, "The change is recorded in the memory's history.")], "Save");
    if (!ok) return;
    try {
      await Engram.update(memory.id, body);
    } catch (e) {
      if (e instanceof ApiError && e.kind !== "auth" && e.kind !== "network") { showError(e.message); return; }
      ctx.fail(e);
      return;
    }
    ctx.flash("Memory updated.");
    ctx.reload();
  };
  const remove = async () => {
    // A fact's turns stay unless asked: other facts may cite them.
    const also = stored ? h("input", { type: "checkbox", id: "with-evidence" }) : null;
    const ok = await ctx.confirm("Delete this memory?", [h("p", { class: "quote" }, memory.memory),
      h("p", {}, "It will no longer be found by search. Its history is kept."),
      also ? h("p", { class: "check" }, also, h("label", { for: "with-evidence" },
        "Also delete its evidence turns that no other fact cites")) : ""], "Delete");
    if (!ok) return;
    let out;
    try {
      out = await Engram.remove(memory.id, { withEvidence: !!(also && also.checked) });
    } catch (e) { ctx.fail(e); return; }
    const n = (out && out.evidence_deleted || []).length;
    ctx.flash(also && also.checked ? `Memory deleted with ${n} evidence ${n === 1 ? "turn" : "turns"}.` : "Memory deleted.");
    ctx.go(home ? link("scope", home.kind, home.id) : "#/");
  };
  return h("section", { class: "panel", "aria-labelledby": "edit-h" },
    h("h2", { id: "edit-h" }, "Edit"),
    h("form", { class: "edit", onsubmit: save },
      h("label", { for: "edit-text" }, "Text"), text,
      h("label", { for: "edit-meta" }, "Metadata (JSON object)"), meta,
      h("p", { id: "edit-meta-help", class: "hint" }, "Replaces the whole metadata object."),
      error,
      h("div", { class: "actions" }, h("button", { type: "submit" }, "Save changes"),
        h("button", { type: "button", class: "danger", onclick: remove }, "Delete memory"))));
}
