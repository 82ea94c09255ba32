// When a memory happened, until when it holds, and when each version was true (#19),
// as small elements the list and memory pages share.
import { h, timeEl } from "./dom.js";

// Expiry is by UTC day, as on the server: a memory expiring today is still shown.
export function isExpired(m) {
  return !!m.expiration_date && m.expiration_date < new Date().toISOString().slice(0, 10);
}

// happened_at defaults to the time of writing; it says something only when it differs.
export function happenedApart(m) {
  if (!m.happened_at || !m.created_at) return false;
  return Math.abs(Date.parse(m.happened_at) - Date.parse(m.created_at)) > 1000;
}

export function happenedChip(m) {
  return happenedApart(m) ? h("span", { class: "chip happened", title: "When it was said (event time)" },
    h("span", { class: "k" }, "happened"), " ", timeEl(m.happened_at)) : "";
}

export function expiryChip(m) {
  if (!m.expiration_date) return "";
  const gone = isExpired(m);
  return h("span", { class: gone ? "chip expired" : "chip expires" },
    h("span", { class: "k" }, gone ? "expired" : "expires"), " ", m.expiration_date);
}

// A version's validity interval: from the change that wrote it to the one that replaced it.
export function validity(from, until) {
  return h("span", { class: "validity" }, "held ", timeEl(from), " → ",
    until ? timeEl(until) : h("span", {}, "now"));
}

// The speaker of a stored turn: its name if the message gave one, else its role.
export function speaker(turn) {
  return h("span", { class: `chip speaker role-${turn.role || "user"}` },
    turn.actor_id ? [turn.actor_id, h("span", { class: "k" }, ` (${turn.role || "user"})`)] : (turn.role || "user"));
}
