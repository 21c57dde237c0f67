// dyadwatch dashboard: plain JavaScript, no libraries, served by `dyadwatch serve`.
// Every piece of data reaches the page through textContent or attributes set one by one, never as
// markup, so article text is always shown as text.
"use strict";

const QUADS = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"];
const QUAD_COLOURS = ["#4e79a7", "#59a14f", "#f28e2b", "#e15759"];
const SVG = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function status(message, isError = false) {
  const line = $("status");
  line.textContent = message;
  line.className = isError ? "error" : "";
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = await response.json();
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    status(`${response.status}: ${message}`, true);
    throw new Error(message);
  }
  return body;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) search.set(key, value);
  }
  return search.toString();
}

// -- views --------------------------------------------------------------------------------------

function show(view) {
  for (const button of document.querySelectorAll("nav button")) {
    button.classList.toggle("active", button.dataset.view === view);
  }
  for (const section of document.querySelectorAll(".view")) {
    section.hidden = section.id !== `view-${view}`;
  }
}

for (const button of document.querySelectorAll("nav button")) {
  button.addEventListener("click", () => show(button.dataset.view));
}

// -- type-ahead ---------------------------------------------------------------------------------

function typeAhead(input, list) {
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) return;
    timer = setTimeout(async () => {
      const body = await api(`/api/actors?${query({ q: text, limit: 12 })}`);
      list.replaceChildren(
        ...body.items.map((a) => el("option", { value: a.code, label: `${a.code} — ${a.name || ""}` }))
      );
    }, 150);
  });
}
typeAhead($("actor-a"), $("actors-a"));
typeAhead($("actor-b"), $("actors-b"));

// -- dyad chart ---------------------------------------------------------------------------------

function periodEnd(start, by) {
  const d = new Date(`${start}T00:00:00Z`);
  if (by === "day") return start;
  if (by === "week") d.setUTCDate(d.getUTCDate() + 6);
  else {
    const months = { month: 1, quarter: 3, year: 12 }[by];
    d.setUTCMonth(d.getUTCMonth() + months);
    d.setUTCDate(d.getUTCDate() - 1);
  }
  return d.toISOString().slice(0, 10);
}

function drawDyad(body) {
  const box = $("dyad-chart");
  const periods = [...new Set(body.rows.map((r) => r.period))];
  const directions = [...new Set(body.rows.map((r) => r.direction))];
  const forward = `${body.a}->${body.b}`;
  directions.sort((x, y) => (x === forward ? -1 : y === forward ? 1 : 0));
  if (!periods.length) {
    box.replaceChildren(el("p", { text: `No dated events between ${body.a} and ${body.b}.` }));
    return;
  }
  const slot = 46, left = 44, top = 22, barHeight = 190, lineHeight = 80, bottom = 80;
  const width = Math.max(600, left + periods.length * slot + 20);
  const height = top + barHeight + 20 + lineHeight + bottom;
  const byKey = new Map(body.rows.map((r) => [`${r.period}|${r.direction}`, r]));
  const maxEvents = Math.max(1, ...body.rows.map((r) => r.events));
  const maxGold = Math.max(1, ...body.rows.map((r) => Math.abs(r.goldstein_sum || 0)));
  const chart = svg("svg", { width, height, role: "img", "aria-label": `${body.a} and ${body.b}` });
  chart.append(svg("text", { x: 4, y: top + 10, class: "axis" }, String(maxEvents)));
  chart.append(svg("line", { x1: left, x2: width, y1: top + barHeight, y2: top + barHeight, stroke: "#999" }));
  const zero = top + barHeight + 20 + lineHeight / 2;
  chart.append(svg("line", { x1: left, x2: width, y1: zero, y2: zero, stroke: "#ccc" }));
  chart.append(svg("text", { x: 4, y: zero + 4 }, "0"));
  const lines = directions.map(() => []);
  periods.forEach((period, i) => {
    const x0 = left + i * slot;
    directions.forEach((direction, d) => {
      const row = byKey.get(`${period}|${direction}`);
      if (!row) return;
      let y = top + barHeight;
      QUADS.forEach((quad, q) => {
        const h = (row[quad] / maxEvents) * barHeight;
        if (h <= 0) return;
        y -= h;
        const bar = svg("rect", {
          x: x0 + 4 + d * 19, y, width: 17, height: h, fill: QUAD_COLOURS[q], class: "bar",
          "data-direction": direction, "data-quad": quad, "data-period": period,
        });
        bar.append(svg("title", {}, `${direction} ${period}: ${row[quad]} ${quad.replace("_", " ")}`));
        bar.addEventListener("click", () => {
          const [a, b] = direction.split("->");
          openEvents({ dyad: `${a},${b}`, start: period, end: periodEnd(period, body.by) });
        });
        chart.append(bar);
      });
      lines[d].push([x0 + 4 + d * 19 + 8, zero - ((row.goldstein_sum || 0) / maxGold) * (lineHeight / 2)]);
    });
    const label = svg("text", {
      x: x0 + 20, y: top + barHeight + 20 + lineHeight + 14, "text-anchor": "end",
      transform: `rotate(-45 ${x0 + 20} ${top + barHeight + 20 + lineHeight + 14})`,
    }, period);
    chart.append(label);
  });
  lines.forEach((points, d) => {
    if (points.length) {
      chart.append(svg("polyline", {
        points: points.map((p) => p.join(",")).join(" "), fill: "none",
        stroke: d === 0 ? "#1f2d3d" : "#9c27b0", "stroke-width": 2, class: "goldstein",
        "data-direction": directions[d],
      }));
    }
  });
  directions.forEach((direction, d) => {
    chart.append(svg("text", { x: left + 40 + d * 170, y: 12, fill: d === 0 ? "#1f2d3d" : "#9c27b0" },
      `${d === 0 ? "left bars" : "right bars"}: ${direction}`));
  });
  box.replaceChildren(chart);
}

$("dyad-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const a = $("actor-a").value.trim(), b = $("actor-b").value.trim();
  const params = query({ by: $("dyad-by").value, start: $("dyad-start").value, end: $("dyad-end").value });
  status("loading…");
  const body = await api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series?${params}`);
  drawDyad(body);
  const total = body.rows.reduce((sum, r) => sum + r.events, 0);
  const reports = body.rows.reduce((sum, r) => sum + r.reports, 0);
  status(`${body.a}–${body.b}: ${total} events from ${reports} reports`);
});

// -- events -------------------------------------------------------------------------------------

let eventsPage = 1;

function eventFilters() {
  return {
    actor: $("ev-actor").value.trim(), dyad: $("ev-dyad").value.trim(), code: $("ev-code").value.trim(),
    quad_class: $("ev-quad").value, start: $("ev-start").value, end: $("ev-end").value,
    q: $("ev-q").value.trim(),
  };
}

async function loadEvents(page = 1) {
  eventsPage = page;
  const body = await api(`/api/events?${query({ ...eventFilters(), page, page_size: 25 })}`);
  const rows = body.items.map((e) => el("tr", { onclick: () => openArticle(e.article_id, e), class: "event-row" },
    el("td", { text: e.date || "" }),
    el("td", { text: e.source_code }),
    el("td", { text: e.cameo }),
    el("td", { text: e.target_code || "–" }),
    el("td", { text: String(e.quad_class) }),
    el("td", { text: Number(e.goldstein).toFixed(1) }),
    el("td", { text: String(e.num_mentions) }),
    el("td", { text: e.sentence || "" }),
  ));
  document.querySelector("#events-table tbody").replaceChildren(...rows);
  const pages = Math.max(1, Math.ceil(body.total / body.page_size));
  $("ev-page").textContent = `page ${body.page} of ${pages} (${body.total} events)`;
  $("ev-prev").disabled = body.page <= 1;
  $("ev-next").disabled = body.page >= pages;
}

function openEvents(filters) {
  for (const [key, id] of Object.entries({ actor: "ev-actor", dyad: "ev-dyad", start: "ev-start", end: "ev-end" })) {
    $(id).value = filters[key] || "";
  }
  show("events");
  loadEvents(1);
}

$("events-form").addEventListener("submit", (event) => { event.preventDefault(); loadEvents(1); });
$("ev-prev").addEventListener("click", () => loadEvents(eventsPage - 1));
$("ev-next").addEventListener("click", () => loadEvents(eventsPage + 1));

// -- article with highlights --------------------------------------------------------------------

function markedText(text, start, end, marks) {
  // The text from start to end as spans, each carrying the classes of the marks that cover it.
  const cuts = new Set([start, end]);
  for (const m of marks) {
    if (m.end > start && m.start < end) {
      cuts.add(Math.max(start, m.start));
      cuts.add(Math.min(end, m.end));
    }
  }
  const points = [...cuts].sort((x, y) => x - y);
  const parts = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const classes = marks.filter((m) => m.start <= a && m.end >= b).map((m) => m.cls);
    const piece = text.slice(a, b);
    parts.push(classes.length ? el("span", { class: [...new Set(classes)].join(" "), text: piece }) : document.createTextNode(piece));
  }
  return parts;
}

function renderText(container, text, paragraphs, marks) {
  const blocks = paragraphs && paragraphs.length ? paragraphs : [{ start: 0, end: text.length, kind: "body" }];
  container.replaceChildren(...blocks.map((p) => el("p", { class: `para-${p.kind}` }, ...markedText(text, p.start, p.end, marks))));
}

async function openArticle(articleId, event) {
  const body = await api(`/api/articles/${encodeURIComponent(articleId)}`);
  const article = body.article;
  $("article-title").textContent = article.title || article.article_id;
  $("article-meta").textContent = [article.publisher, article.published, article.url].filter(Boolean).join(" · ");
  const mention = event ? body.events.find((m) => m.mention_id === event.first_mention_id) || body.events.find((m) => m.event_id === event.event_id) : null;
  const marks = body.actors.map((a) => ({ start: a.start, end: a.end, cls: "hl-actor" }));
  if (mention) {
    marks.push({ start: mention.sentence_start, end: mention.sentence_start + mention.sentence.length, cls: "hl-sentence" });
    marks.push({ start: mention.verb_start, end: mention.verb_end, cls: "hl-verb" });
    if (mention.source_start !== null) marks.push({ start: mention.source_start, end: mention.source_end, cls: "hl-source" });
    if (mention.target_start !== null) marks.push({ start: mention.target_start, end: mention.target_end, cls: "hl-target" });
    $("article-event").replaceChildren(
      el("div", { text: `${mention.source_code} → ${mention.target_code || "–"}: CAMEO ${mention.cameo}, ` +
        `Goldstein ${mention.goldstein}, dated ${mention.date || "?"}, confidence ${Number(mention.confidence || 0).toFixed(2)}` }),
      el("code", { text: mention.evidence || "" }),
    );
  } else {
    $("article-event").replaceChildren();
  }
  renderText($("article-text"), article.text, article.paragraphs, marks);
  const reports = $("article-reports");
  reports.replaceChildren();
  if (event && event.event_id) {
    const detail = await api(`/api/events/${encodeURIComponent(event.event_id)}`);
    const others = detail.mentions.filter((m) => m.mention_id !== (mention && mention.mention_id));
    reports.replaceChildren(...(others.length ? others.map((m) => el("li", {},
      el("a", { href: "#", text: `${m.publisher || m.article_id}: `, onclick: (e) => { e.preventDefault(); openArticle(m.article_id, { ...event, first_mention_id: m.mention_id }); } }),
      document.createTextNode(m.sentence))) : [el("li", { text: `none besides this one (${detail.event.num_articles} article(s) in all)` })]));
  }
  $("article").hidden = false;
  const highlighted = document.querySelector("#article-text .hl-sentence");
  if (highlighted) highlighted.scrollIntoView({ block: "center" });
}

$("article-close").addEventListener("click", () => { $("article").hidden = true; });

// -- network ------------------------------------------------------------------------------------

$("network-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = await api(`/api/network?${query({ start: $("net-start").value, end: $("net-end").value, min_events: $("net-min").value })}`);
  const size = 560, centre = size / 2, radius = size / 2 - 60;
  const chart = svg("svg", { width: size, height: size, role: "img", "aria-label": "actor network" });
  const place = new Map(body.nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, body.nodes.length);
    return [node, [centre + radius * Math.cos(angle), centre + radius * Math.sin(angle)]];
  }));
  const most = Math.max(1, ...body.edges.map((e) => e.events));
  for (const edge of body.edges) {
    const [x1, y1] = place.get(edge.source), [x2, y2] = place.get(edge.target);
    const bend = 0.15, mx = (x1 + x2) / 2 - (y2 - y1) * bend, my = (y1 + y2) / 2 + (x2 - x1) * bend;
    const mean = edge.goldstein_mean || 0;
    const path = svg("path", {
      d: `M${x1},${y1} Q${mx},${my} ${x2},${y2}`, fill: "none", class: "edge",
      stroke: mean >= 0 ? "#4e79a7" : "#e15759", "stroke-opacity": 0.7,
      "stroke-width": 1 + (4 * edge.events) / most,
    });
    path.append(svg("title", {}, `${edge.source} → ${edge.target}: ${edge.events} events, ${edge.reports} reports, Goldstein mean ${mean}`));
    chart.append(path);
  }
  for (const [node, [x, y]] of place) {
    const group = svg("g", { class: "node", "data-actor": node });
    group.append(svg("circle", { cx: x, cy: y, r: 6, fill: "#1f2d3d" }));
    group.append(svg("text", { x: x + 8, y: y + 4 }, node));
    group.addEventListener("click", () => openEvents({ actor: node.replace(/^IGO:/, "IGO:") }));
    chart.append(group);
  }
  $("network-chart").replaceChildren(chart);
  status(`${body.nodes.length} actors, ${body.edges.length} directed edges`);
});

// -- code an article ----------------------------------------------------------------------------

$("code-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  status("coding…");
  const body = await api("/api/code", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ text: $("code-text").value, published: $("code-date").value || null }),
  });
  const table = el("table", { id: "code-events" },
    el("thead", {}, el("tr", {}, ...["date", "source", "code", "target", "verb", "sentence"].map((h) => el("th", { text: h })))),
    el("tbody", {}, ...body.events.map((e) => el("tr", { class: "coded-event" },
      el("td", { text: e.date || "" }), el("td", { text: e.source.code }), el("td", { text: e.cameo }),
      el("td", { text: e.target ? e.target.code : "–" }), el("td", { text: e.verb }), el("td", { text: e.sentence })))));
  const marks = body.actors.map((a) => ({ start: a.start, end: a.end, cls: "hl-actor" }))
    .concat(body.events.map((e) => ({ start: e.verb_offsets[0], end: e.verb_offsets[1], cls: "hl-verb" })));
  const text = el("div", { class: "article-text" });
  renderText(text, body.article.text, null, marks);
  $("code-result").replaceChildren(el("p", { text: `${body.events.length} events, ${body.quotes.length} quotes` }), table, text);
  status(`${body.events.length} events coded`);
});

status("ready");
