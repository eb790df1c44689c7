// The SiddhiGen management page: polls the REST API beside it every second and draws each stream's
// events in and out per second over the last minute. No libraries, so it works offline.
"use strict";

const api = (path, init) => fetch(path, init).then(async r => {
  const body = await r.json();
  if (!r.ok) { throw new Error(body.error || r.statusText); }
  return body;
});

const streamCards = new Map(); // "app/stream" -> card elements

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes || {})) { node.setAttribute(k, v); }
  for (const child of children) { node.append(child); }
  return node;
}

function uptime(seconds) {
  const s = Math.floor(seconds), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m ${s % 60}s` : `${s}s`;
}

function renderApps(apps) {
  const body = document.querySelector("#app-table tbody");
  body.replaceChildren(...apps.map(a => el("tr", { "data-app": a.name },
    el("td", {}, a.name),
    el("td", { class: "status-" + a.status }, a.status),
    el("td", {}, uptime(a.uptimeSeconds)),
    el("td", {}, String(a.processingErrors)))));
  const select = document.getElementById("query-app");
  if (select.options.length !== apps.length) {
    select.replaceChildren(...apps.map(a => el("option", { value: a.name }, a.name)));
  }
}

function drawChart(canvas, inHistory, outHistory) {
  const width = canvas.clientWidth || 300, height = canvas.clientHeight || 60;
  canvas.width = width; canvas.height = height;
  const g = canvas.getContext("2d");
  const max = Math.max(1, ...inHistory, ...outHistory);
  const line = (values, color) => {
    g.strokeStyle = color; g.lineWidth = 2; g.beginPath();
    values.forEach((v, i) => {
      const x = (i / (values.length - 1)) * (width - 4) + 2, y = height - 3 - (v / max) * (height - 8);
      if (i === 0) { g.moveTo(x, y); } else { g.lineTo(x, y); }
    });
    g.stroke();
  };
  line(inHistory, "#1a73e8");
  line(outHistory, "#e37400");
}

function eventForm(app, stream) {
  const form = el("form", { class: "event-form", "data-stream": stream.name });
  for (const a of stream.attributes) {
    form.append(el("input", { name: a.name, placeholder: `${a.name} (${a.type})`, "aria-label": a.name }));
  }
  const result = el("span", { class: "result" });
  form.append(el("button", { type: "submit" }, "Send"), result);
  form.addEventListener("submit", async e => {
    e.preventDefault();
    const row = {};
    for (const a of stream.attributes) {
      const text = form.elements[a.name].value;
      row[a.name] = text === "" ? null : text;
    }
    try {
      const r = await api(`apps/${encodeURIComponent(app)}/streams/${encodeURIComponent(stream.name)}`,
        { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(row) });
      result.textContent = `sent (${r.accepted})`; result.className = "result";
    } catch (err) {
      result.textContent = err.message; result.className = "result error";
    }
  });
  return form;
}

function renderStreams(app, streams) {
  const list = document.getElementById("stream-list");
  for (const s of streams) {
    const key = app + "/" + s.name;
    let card = streamCards.get(key);
    if (!card) {
      card = {
        root: el("div", { class: "stream", "data-app": app, "data-stream": s.name }),
        rates: el("div", { class: "rates" }),
        chart: el("canvas", { "aria-label": `rate of ${s.name}` }),
      };
      card.root.append(
        el("h3", {}, `${app} · ${s.name}`),
        el("div", { class: "schema" }, s.attributes.map(a => `${a.name} ${a.type}`).join(", ")),
        card.rates, card.chart, eventForm(app, s));
      list.append(card.root);
      streamCards.set(key, card);
    }
    card.rates.innerHTML = "";
    card.rates.append(
      el("span", { class: "in-rate" }, `in ${s.inPerSecond}/s`), " · ",
      el("span", { class: "out-rate" }, `out ${s.outPerSecond}/s`), " · ",
      el("span", { class: "totals" }, `${s.eventsIn} in, ${s.eventsOut} out, ${s.errors} errors`));
    drawChart(card.chart, s.inHistory, s.outHistory);
  }
}

function renderErrors(errors) {
  const list = document.getElementById("error-list");
  list.replaceChildren(...(errors.length === 0 ? [el("li", {}, "none")] :
    errors.slice(0, 20).map(e => el("li", { class: "error" }, `${new Date(e.time).toLocaleTimeString()} ${e.level} ${e.category}: ${e.message}`))));
}

async function refresh() {
  try {
    const apps = await api("apps");
    renderApps(apps);
    for (const a of apps) { renderStreams(a.name, await api(`apps/${encodeURIComponent(a.name)}/streams`)); }
    renderErrors(await api("errors"));
    document.getElementById("refreshed").textContent = "updated " + new Date().toLocaleTimeString();
  } catch (err) {
    document.getElementById("refreshed").textContent = "API unreachable: " + err.message;
  }
}

document.getElementById("query-form").addEventListener("submit", async e => {
  e.preventDefault();
  const out = document.getElementById("query-result");
  const app = document.getElementById("query-app").value;
  try {
    const r = await api(`apps/${encodeURIComponent(app)}/query`,
      { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ query: document.getElementById("query-text").value }) });
    const table = el("table", { id: "query-table" },
      el("thead", {}, el("tr", {}, ...r.columns.map(c => el("th", {}, `${c.name} (${c.type})`)))),
      el("tbody", {}, ...r.rows.map(row => el("tr", {}, ...row.map(v => el("td", {}, v === null ? "null" : String(v)))))));
    out.replaceChildren(table, el("div", {}, `${r.rows.length} row(s)`));
  } catch (err) {
    out.replaceChildren(el("div", { class: "error" }, err.message));
  }
});

refresh();
setInterval(refresh, 1000);
