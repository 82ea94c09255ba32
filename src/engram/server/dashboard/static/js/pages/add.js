// Add a memory: a message for a scope, with or without inference; shows the events.
import { ApiError, Engram } from "../api.js";
import { eventBadge, h, link, replace } from "../dom.js";

export async function addPage(ctx) {
  const q = ctx.query;
  const input = (name, label, attrs = {}) => h("div", { class: "field" },
    h("label", { for: `add-${name}` }, label),
    h("input", { id: `add-${name}`, name, value: q.get(name) || "", autocomplete: "off", ...attrs }));
  const message = h("textarea", { id: "add-message", name: "message", rows: 4, required: true,
    placeholder: "I moved to Lisbon last spring and I'm vegetarian." });
  const role = h("select", { id: "add-role", name: "role" },
    h("option", { value: "user" }, "user"), h("option", { value: "assistant" }, "assistant"));
  const infer = h("input", { id: "add-infer", name: "infer", type: "checkbox", checked: true });
  const meta = h("textarea", { id: "add-meta", name: "metadata", rows: 2, spellcheck: "false",
    placeholder: '{"topic": "travel"}' });
  const error = h("p", { id: "add-error", class: "msg error", role: "alert", hidden: true });
  const out = h("section", { class: "panel", id: "add-result", "aria-live": "polite", hidden: true });
  const button = h("button", { type: "submit" }, "Add");
  const form = h("form", { class: "panel add" },
    h("fieldset", {}, h("legend", {}, "Scope (at least one)"),
      h("div", { class: "row" }, input("user_id", "User id"), input("agent_id", "Agent id"), input("run_id", "Run id"))),
    h("div", { class: "field" }, h("label", { for: "add-message" }, "Message"), message),
    h("div", { class: "row" },
      h("div", { class: "field" }, h("label", { for: "add-role" }, "Role"), role),
      h("div", { class: "field check" }, infer,
        h("label", { for: "add-infer" }, "Extract facts and reconcile with what is known (infer)"))),
    h("div", { class: "field" }, h("label", { for: "add-meta" }, "Metadata (JSON object, optional)"), meta),
    error, h("div", { class: "actions" }, button));

  const fail = (msg, focus) => { error.hidden = false; error.textContent = msg; if (focus) focus.focus(); };
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    error.hidden = true;
    const data = new FormData(form);
    const body = { messages: [{ role: role.value, content: message.value }], infer: infer.checked };
    for (const k of ["user_id", "agent_id", "run_id"]) {
      const val = String(data.get(k) || "").trim();
      if (val) body[k] = val;
    }
    if (!body.user_id && !body.agent_id && !body.run_id) {
      fail("Give a user id, an agent id or a run id: every memory belongs to a scope.",
        form.querySelector("#add-user_id"));
      return;
    }
    if (meta.value.trim()) {
      try {
        body.metadata = JSON.parse(meta.value);
        if (typeof body.metadata !== "object" || Array.isArray(body.metadata) || !body.metadata) throw new Error();
      } catch {
        fail("Metadata must be a JSON object, for example {\"topic\": \"travel\"}.", meta);
        return;
      }
    }
    button.disabled = true;
    button.textContent = "Adding…";
    try {
      const res = await Engram.add(body);
      showEvents(out, res, body);
    } catch (e) {
      if (e instanceof ApiError && (e.kind === "input" || e.kind === "rate" || e.kind === "server")) fail(e.message);
      else ctx.fail(e);
    } finally {
      button.disabled = false;
      button.textContent = "Add";
    }
  });
  ctx.view.append(h("div", { class: "page-head" }, h("h1", {}, "Add memory")), form, out);
}

function showEvents(out, res, body) {
  const items = res.results || [];
  const scopeKind = ["user_id", "agent_id", "run_id"].find((k) => body[k]);
  const kind = scopeKind.replace("_id", "");
  replace(out,
    h("h2", { id: "events-h", tabindex: "-1" }, "Events"),
    items.length
      ? h("ul", { class: "events", "aria-labelledby": "events-h" }, items.map((r) => h("li", {},
          eventBadge(r.event), " ",
          r.event === "DELETE" || r.event === "NONE" ? h("span", {}, r.memory)
            : h("a", { href: link("memory", r.id) }, r.memory),
          r.previous_memory ? h("span", { class: "muted" }, ` (was: ${r.previous_memory})`) : "")))
      : h("p", {}, "No memory was added: nothing worth remembering was found in that message (try unticking “infer” to store it as is)."),
    (res.warnings || []).map((w) => h("p", { class: "msg warn" }, String(w))),
    h("p", {}, h("a", { href: link("scope", kind, body[scopeKind]) }, `Open ${kind} ${body[scopeKind]}`)));
  out.hidden = false;
  out.querySelector("h2").focus();
}
