// The dashboard shell: hash router, sign-in, status messages, confirmation dialog.
import { ApiError, Engram, session } from "./api.js";
import { h, replace } from "./dom.js";
import { scopesPage } from "./pages/scopes.js";
import { scopePage } from "./pages/scope.js";
import { memoryPage } from "./pages/memory.js";
import { addPage } from "./pages/add.js";

const main = document.getElementById("main");
const statusEl = document.getElementById("status");
let generation = 0;

const ROUTES = [
  [/^$/, scopesPage, "scopes"],
  [/^scope\/(user|agent|run)\/([^/]+)$/, scopePage, "scopes"],
  [/^memory\/([^/]+)$/, memoryPage, "scopes"],
  [/^add$/, addPage, "add"],
];

export function say(message, kind = "info") {
  replace(statusEl, message ? h("p", { class: `msg ${kind}` }, message,
    h("button", { type: "button", class: "link close", "aria-label": "Dismiss message",
      onclick: () => replace(statusEl) }, "×")) : "");
}

// Resolves true when the user confirms; Escape or Cancel resolve false.
export function confirmDialog(title, body, okLabel = "Confirm") {
  const dlg = document.getElementById("confirm");
  document.getElementById("confirm-title").textContent = title;
  replace(document.getElementById("confirm-body"), body);
  document.getElementById("confirm-ok").textContent = okLabel;
  dlg.returnValue = "";
  dlg.showModal();
  return new Promise((resolve) => {
    dlg.addEventListener("close", () => resolve(dlg.returnValue === "ok"), { once: true });
  });
}

function parseHash() {
  const raw = window.location.hash.replace(/^#\/?/, "");
  const [path, qs] = raw.split("?");
  return { path: path.replace(/\/$/, ""), query: new URLSearchParams(qs || "") };
}

export function go(hash) {
  if (window.location.hash === hash) route();
  else window.location.hash = hash;
}

function showChrome(signedIn, project) {
  document.getElementById("nav").hidden = !signedIn;
  document.getElementById("who").hidden = !signedIn;
  document.getElementById("project").textContent = project || "";
}

export function handleError(err, target = main) {
  if (err instanceof ApiError && err.kind === "auth") {
    session.clear();
    sessionStorage.setItem("engram.signinMessage", err.message);
    go("#/signin");
    return;
  }
  const msg = err instanceof ApiError ? err.message : `Unexpected error: ${err && err.message}`;
  const title = err instanceof ApiError && err.kind === "network" ? "Server unreachable"
    : err instanceof ApiError && err.kind === "notfound" ? "Not found" : "Something went wrong";
  replace(target, h("section", { class: "panel error-panel", role: "alert" },
    h("h1", { tabindex: "-1" }, title), h("p", {}, msg),
    h("p", {}, h("button", { type: "button", onclick: () => route() }, "Retry"), " ",
      h("a", { href: "#/" }, "Back to scopes"))));
  focusHeading(target);
}

function focusHeading(root) {
  const h1 = root.querySelector("h1");
  if (h1) { h1.setAttribute("tabindex", "-1"); h1.focus({ preventScroll: false }); }
}

function signinPage() {
  showChrome(false);
  const notice = sessionStorage.getItem("engram.signinMessage");
  sessionStorage.removeItem("engram.signinMessage");
  const error = h("p", { class: "msg error", id: "signin-error", role: "alert", hidden: !notice }, notice || "");
  const input = h("input", { id: "key", name: "key", type: "password", autocomplete: "off",
    required: true, spellcheck: "false", "aria-describedby": "key-help signin-error" });
  const button = h("button", { type: "submit" }, "Sign in");
  const form = h("form", { class: "panel signin", onsubmit: async (ev) => {
    ev.preventDefault();
    const key = input.value.trim();
    if (!key) return;
    button.disabled = true;
    button.textContent = "Checking…";
    try {
      const who = await Engram.ping(key);
      session.set(key);
      sessionStorage.setItem("engram.project", `${who.org_id} / ${who.project_id}`);
      go("#/");
    } catch (e) {
      error.hidden = false;
      error.textContent = e instanceof ApiError && e.kind === "auth"
        ? "That key was not accepted: it is invalid, revoked or expired." : e.message;
      input.focus();
      input.select();
    } finally {
      button.disabled = false;
      button.textContent = "Sign in";
    }
  } },
  h("h1", {}, "Sign in"),
  h("p", {}, "Open this project's memories with an API key."),
  h("label", { for: "key" }, "API key"), input,
  h("p", { id: "key-help", class: "hint" },
    "Create one with ", h("code", {}, "engram keys create --org ORG --project PROJECT"),
    ". It is kept in this browser tab only and sent in a header, never in the address."),
  error, button);
  replace(main, form);
  input.focus();
}

async function route() {
  const mine = ++generation;
  const flash = sessionStorage.getItem("engram.flash");
  sessionStorage.removeItem("engram.flash");
  say(flash || "", "ok");
  const { path, query } = parseHash();
  if (path === "signin" || !session.key) {
    if (path !== "signin") { go("#/signin"); return; }
    signinPage();
    return;
  }
  showChrome(true, sessionStorage.getItem("engram.project"));
  const match = ROUTES.map(([re, page, nav]) => [path.match(re), page, nav]).find(([m]) => m);
  if (!match) {
    handleError(new ApiError("notfound", `No page at “${path}”.`));
    return;
  }
  const [m, page, nav] = match;
  for (const a of document.querySelectorAll("[data-nav]")) {
    if (a.dataset.nav === nav) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  const params = m.slice(1).map(decodeURIComponent);
  const view = h("div", { class: "view" });
  const ctx = { params, query, alive: () => mine === generation, view, say, go, reload: route,
    confirm: confirmDialog, fail: handleError,
    flash: (msg) => sessionStorage.setItem("engram.flash", msg), width: () => main.clientWidth,
    show: () => { if (mine === generation) { replace(main, view); focusHeading(view); } } };
  replace(main, h("p", { class: "muted", role: "status" }, "Loading…"));
  try {
    await page(ctx);
    ctx.show();
  } catch (e) {
    if (mine === generation) handleError(e);
  }
}

document.getElementById("signout").addEventListener("click", () => {
  session.clear();
  sessionStorage.removeItem("engram.project");
  go("#/signin");
});

// "/" jumps to the page's search or filter box (unless typing already).
document.addEventListener("keydown", (ev) => {
  if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const t = ev.target;
  if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
  const box = main.querySelector("[data-shortcut='/']");
  if (box) { ev.preventDefault(); box.focus(); }
});

window.addEventListener("hashchange", route);
route();
