// Adds per day as an inline SVG bar chart, drawn from the activity route's data.
const NS = "http://www.w3.org/2000/svg";

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function short(iso) {
  const d = new Date(iso + "T00:00:00Z");
  return d.toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
}

// width: the pixels available, so the text keeps its size on a phone and a desktop.
export function activityChart(days, { title = "Memories added per day", width = 600 } = {}) {
  const W = Math.max(260, Math.min(900, Math.round(width))), H = 140, L = 30, B = 22, T = 10;
  const max = Math.max(1, ...days.map((d) => d.adds));
  const total = days.reduce((n, d) => n + d.adds, 0);
  const best = days.reduce((a, d) => (d.adds > a.adds ? d : a), days[0] || { adds: 0 });
  const summary = total
    ? `${total} added in the last ${days.length} days; most on ${short(best.date)} (${best.adds}).`
    : `Nothing added in the last ${days.length} days.`;
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img",
    "aria-label": `${title}: ${summary}` });
  const plotW = W - L - 4, plotH = H - B - T;
  const bw = plotW / Math.max(1, days.length);
  // Grid: zero line and the maximum.
  svg.append(s("line", { x1: L, x2: W - 4, y1: T + plotH, y2: T + plotH, class: "axis" }));
  svg.append(s("line", { x1: L, x2: W - 4, y1: T, y2: T, class: "grid" }));
  svg.append(s("text", { x: L - 4, y: T + 4, class: "tick", "text-anchor": "end" }, String(max)));
  svg.append(s("text", { x: L - 4, y: T + plotH, class: "tick", "text-anchor": "end" }, "0"));
  days.forEach((d, i) => {
    const bh = (d.adds / max) * plotH;
    const bar = s("rect", { x: L + i * bw + bw * 0.15, y: T + plotH - bh, width: Math.max(1, bw * 0.7),
      height: Math.max(d.adds ? 1 : 0, bh), class: "bar" });
    bar.append(s("title", {}, `${d.date}: ${d.adds}`));
    svg.append(bar);
  });
  const labels = days.length > 1 ? [0, Math.floor((days.length - 1) / 2), days.length - 1] : [0];
  for (const i of labels) {
    if (!days[i]) continue;
    svg.append(s("text", { x: L + i * bw + bw / 2, y: H - 6, class: "tick",
      "text-anchor": i === 0 ? "start" : i === days.length - 1 ? "end" : "middle" }, short(days[i].date)));
  }
  const fig = document.createElement("figure");
  fig.className = "activity";
  const cap = document.createElement("figcaption");
  cap.textContent = `${title} (UTC) · ${summary}`;
  fig.append(cap, svg);
  return fig;
}
