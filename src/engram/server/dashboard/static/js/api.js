// The REST API, with the key from session storage (this tab only; never in the URL).

const KEY = "engram.apiKey";

export class ApiError extends Error {
  constructor(kind, message, { status = 0, field = null, requestId = null } = {}) {
    super(message);
    this.kind = kind; // auth | network | input | notfound | rate | server
    this.status = status;
    this.field = field;
    this.requestId = requestId;
  }
}

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  set(key) { sessionStorage.setItem(KEY, key); },
  clear() { sessionStorage.removeItem(KEY); },
};

// Server time-outs must not leave the page spinning forever.
const TIMEOUT_MS = 30000;

export async function api(method, path, { body, query, key } = {}) {
  const secret = key ?? session.key;
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  }
  const headers = { Accept: "application/json" };
  if (secret) headers.Authorization = `Token ${secret}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let res;
  try {
    res = await fetch(url, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS), cache: "no-store", credentials: "omit",
    });
  } catch (e) {
    const why = e && e.name === "TimeoutError" ? "did not answer in time" : "cannot be reached";
    throw new ApiError("network",
      `The Engram server ${why} (${window.location.origin}). Check that \`engram serve\` is running, then retry.`);
  }
  let data = null;
  try { data = await res.json(); } catch { data = null; }
  if (res.ok) return data;
  throw errorFor(res, data || {});
}

function errorFor(res, data) {
  const detail = typeof data.detail === "string" ? data.detail : `HTTP ${res.status}`;
  const opts = { status: res.status, field: data.field || null, requestId: data.request_id || null };
  if (res.status === 401) {
    return new ApiError("auth", "Your API key was rejected: it is invalid, revoked or expired. Sign in with a valid key.", opts);
  }
  if (res.status === 429) {
    const wait = res.headers.get("Retry-After");
    return new ApiError("rate", `Too many requests for this key; retry in ${wait || "a few"} s.`, opts);
  }
  if (res.status === 404) return new ApiError("notfound", detail, opts);
  if (res.status >= 400 && res.status < 500) return new ApiError("input", detail, opts);
  const rid = opts.requestId ? ` (request id ${opts.requestId})` : "";
  return new ApiError("server", `The server failed: ${detail}${rid}`, opts);
}

// One call per REST route the dashboard uses.
export const Engram = {
  ping: (key) => api("GET", "/v1/ping/", { key }),
  scopes: () => api("GET", "/v1/entities/"),
  activity: (scope = {}, days = 30) => api("GET", "/v1/dashboard/activity/", { query: { ...scope, days } }),
  graph: (scope) => api("GET", "/v1/dashboard/graph/", { query: scope }),
  list: (body) => api("POST", "/v3/memories/", { body }),
  search: (body) => api("POST", "/v3/memories/search/", { body }),
  get: (id) => api("GET", `/v1/memories/${encodeURIComponent(id)}/`),
  history: (id) => api("GET", `/v1/memories/${encodeURIComponent(id)}/history/`),
  update: (id, body) => api("PUT", `/v1/memories/${encodeURIComponent(id)}/`, { body }),
  remove: (id, { withEvidence = false } = {}) => api("DELETE", `/v1/memories/${encodeURIComponent(id)}/`,
    { query: withEvidence ? { with_evidence: "true" } : {} }),
  add: (body) => api("POST", "/v3/memories/add/", { body }),
};
