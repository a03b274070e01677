namespace OrderPlatform.Hosting.Dashboard;

/// <summary>One self-contained page (no CDN: nothing outside loopback is reachable).</summary>
internal static class DashboardPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>OrderPlatform — operations</title>
        <style>
          body { font: 14px system-ui, sans-serif; margin: 1.5rem; color: #222; }
          table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; }
          .Running { color: #18794e; } .Unhealthy, .Exited, .FailedToStart { color: #c62828; } .Restarting, .Starting { color: #b26a00; }
          pre { background: #111; color: #ddd; padding: .8rem; max-height: 28rem; overflow: auto; font-size: 12px; }
          a { color: #0b57d0; } button { cursor: pointer; } form { margin: .4rem 0; } label { margin-right: .8rem; }
          .span { display: flex; align-items: center; font-size: 12px; } .span .label { width: 34%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
          .span .track { width: 66%; background: #f3f3f3; height: 12px; position: relative; } .bar { display: block; height: 12px; background: #0b57d0; }
          .bar.failed { background: #c62828; } svg { border: 1px solid #ddd; }
        </style></head>
        <body>
        <h1>OrderPlatform</h1>
        <table><thead><tr><th>Resource</th><th>Type</th><th>State</th><th>PID</th><th>Uptime</th><th>Restarts</th><th>Endpoints</th><th></th></tr></thead>
        <tbody id="resources"></tbody></table>
        <h2 id="log-title"></h2><pre id="log" hidden></pre>
        <p id="telemetry"></p>

        <h2>Orders and money</h2>
        <div id="operations">…</div>

        <h2>Queues</h2>
        <table><thead><tr><th>Virtual host</th><th>Queue</th><th>Messages</th><th>Ready</th><th>Unacked</th><th>Consumers</th><th>In/s</th><th>Out/s</th><th></th></tr></thead>
        <tbody id="queues"></tbody></table>
        <pre id="peek" hidden></pre>

        <h2>Traces</h2>
        <form id="trace-filter">
          <label>Resource <input id="trace-resource" placeholder="ordering"></label>
          <label>Search <input id="trace-text" placeholder="route or trace id"></label>
          <button>Filter</button>
        </form>
        <table><thead><tr><th>Started</th><th>Root</th><th>Services</th><th>Spans</th><th>Duration</th></tr></thead><tbody id="traces"></tbody></table>
        <div id="waterfall"></div>

        <h2>Structured logs</h2>
        <form id="log-filter">
          <label>Resource <input id="log-resource"></label>
          <label>Level <select id="log-level"><option value="">any</option><option>Information</option><option>Warning</option><option>Error</option></select></label>
          <label>Text <input id="log-text"></label>
          <label>Trace id <input id="log-trace"></label>
          <button>Filter</button>
        </form>
        <table><thead><tr><th>Time</th><th>Resource</th><th>Level</th><th>Category</th><th>Message</th><th>Trace</th></tr></thead><tbody id="logs"></tbody></table>

        <h2>Metrics</h2>
        <label>Metric <select id="metric"></select></label> <label>Resource <input id="metric-resource"></label>
        <svg id="chart" width="900" height="220" role="img" aria-label="metric chart"></svg>

        <script>
          let shown = null, selectedTrace = null;
          const cell = text => { const td = document.createElement('td'); td.textContent = text ?? ''; return td; };
          const q = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
          async function refresh() {
            const resources = await (await fetch('/api/resources')).json();
            const body = document.getElementById('resources'); body.replaceChildren();
            for (const r of resources) {
              const tr = document.createElement('tr');
              tr.append(cell(r.name), cell(r.type));
              const state = cell(r.state); state.className = r.state; tr.append(state);
              tr.append(cell(r.pid), cell(r.uptimeSeconds == null ? '' : r.uptimeSeconds + ' s'), cell(r.restarts));
              const links = document.createElement('td');
              for (const [name, url] of Object.entries(r.endpoints)) { const a = document.createElement('a'); a.href = url; a.textContent = name + ' '; links.append(a); }
              tr.append(links);
              const logs = document.createElement('td'); const b = document.createElement('button'); b.textContent = 'logs'; b.onclick = () => { shown = r.name; showLogs(); }; logs.append(b);
              if (r.type === 'Project') for (const action of ['restart', 'stop', 'start']) {
                const act = document.createElement('button'); act.textContent = action; act.dataset.action = action; act.dataset.resource = r.name;
                act.onclick = async () => { await fetch('/api/resources/' + encodeURIComponent(r.name) + '/' + action, { method: 'POST' }); refresh(); };
                logs.append(' ', act);
              }
              const env = document.createElement('details'); const summary = document.createElement('summary'); summary.textContent = 'environment'; env.append(summary);
              const vars = document.createElement('pre'); vars.textContent = Object.entries(r.environment).map(([k, v]) => k + '=' + v).join('\n'); env.append(vars); logs.append(env);
              tr.append(logs);
              body.append(tr);
            }
            document.getElementById('telemetry').textContent = 'OTLP received: ' + JSON.stringify(await (await fetch('/api/telemetry')).json());
            if (shown) showLogs();
          }
          async function showLogs() {
            const lines = await (await fetch('/api/resources/' + encodeURIComponent(shown) + '/logs?tail=300')).json();
            document.getElementById('log-title').textContent = 'Console: ' + shown;
            const pre = document.getElementById('log'); pre.hidden = false; pre.textContent = lines.join('\n'); pre.scrollTop = pre.scrollHeight;
          }
          async function traces() {
            const list = await (await fetch('/api/traces?' + q({ resource: document.getElementById('trace-resource').value, text: document.getElementById('trace-text').value, limit: 50 }))).json();
            const body = document.getElementById('traces'); body.replaceChildren();
            for (const t of list) {
              const tr = document.createElement('tr'); tr.className = t.failed ? 'Exited' : '';
              const root = document.createElement('td'); const a = document.createElement('a'); a.href = '#'; a.textContent = t.root; a.dataset.trace = t.traceId;
              a.onclick = e => { e.preventDefault(); waterfall(t.traceId); }; root.append(a);
              tr.append(cell(new Date(t.start).toLocaleTimeString()), root, cell(t.resources.join(', ')), cell(t.spans), cell(t.durationMs.toFixed(1) + ' ms'));
              body.append(tr);
            }
          }
          async function waterfall(traceId, scroll = true) {
            selectedTrace = traceId;
            const response = await fetch('/api/traces/' + traceId); if (!response.ok) return;
            const spans = await response.json();
            const start = Math.min(...spans.map(s => Date.parse(s.start))), end = Math.max(...spans.map(s => Date.parse(s.end)));
            const total = Math.max(end - start, 1), depth = {}, byId = Object.fromEntries(spans.map(s => [s.spanId, s]));
            const level = s => depth[s.spanId] ??= (s.parentSpanId && byId[s.parentSpanId] ? level(byId[s.parentSpanId]) + 1 : 0);
            const view = document.getElementById('waterfall'); view.replaceChildren();
            const title = document.createElement('h3'); title.textContent = 'Trace ' + traceId; view.append(title);
            for (const s of spans) {
              const row = document.createElement('div'); row.className = 'span';
              const label = document.createElement('span'); label.className = 'label'; label.style.paddingLeft = (level(s) * 12) + 'px';
              label.textContent = s.resource + ': ' + s.name;
              const bar = document.createElement('span'); bar.className = 'bar' + (s.statusCode === 2 ? ' failed' : '');
              bar.style.marginLeft = ((Date.parse(s.start) - start) / total * 100) + '%';
              bar.style.width = Math.max((Date.parse(s.end) - Date.parse(s.start)) / total * 100, 0.3) + '%';
              bar.title = s.durationMs.toFixed(2) + ' ms';
              const track = document.createElement('span'); track.className = 'track'; track.append(bar);
              row.append(label, track); view.append(row);
            }
            if (scroll) view.scrollIntoView();
          }
          async function structuredLogs() {
            const list = await (await fetch('/api/logs?' + q({ resource: document.getElementById('log-resource').value, level: document.getElementById('log-level').value,
              text: document.getElementById('log-text').value, traceId: document.getElementById('log-trace').value, limit: 200 }))).json();
            const body = document.getElementById('logs'); body.replaceChildren();
            for (const l of list) {
              const tr = document.createElement('tr'); tr.className = l.severityNumber >= 17 ? 'Exited' : (l.severityNumber >= 13 ? 'Restarting' : '');
              const trace = document.createElement('td');
              if (l.traceId) { const a = document.createElement('a'); a.href = '#'; a.textContent = l.traceId.slice(0, 8); a.onclick = e => { e.preventDefault(); waterfall(l.traceId); }; trace.append(a); }
              tr.append(cell(new Date(l.time).toLocaleTimeString()), cell(l.resource), cell(l.level), cell(l.category), cell(l.message), trace);
              body.append(tr);
            }
          }
          async function metrics() {
            const select = document.getElementById('metric'), chosen = select.value;
            const names = await (await fetch('/api/metrics')).json();
            if (names.length !== select.options.length) { select.replaceChildren(...names.map(n => new Option(n, n))); if (chosen) select.value = chosen; }
            if (!select.value) return;
            const points = await (await fetch('/api/metrics/' + encodeURIComponent(select.value) + '?' + q({ resource: document.getElementById('metric-resource').value }))).json();
            const series = {};
            for (const p of points) (series[p.resource + ' ' + p.series] ??= []).push(p);
            const svg = document.getElementById('chart'); svg.replaceChildren();
            if (!points.length) return;
            const t0 = Date.parse(points[0].time), t1 = Math.max(Date.parse(points[points.length - 1].time), t0 + 1);
            const max = Math.max(...points.map(p => p.value), 1), colours = ['#0b57d0', '#18794e', '#b26a00', '#c62828', '#6a1b9a', '#00838f'];
            Object.values(series).slice(0, 6).forEach((ps, i) => {
              const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
              line.setAttribute('points', ps.map(p => ((Date.parse(p.time) - t0) / (t1 - t0) * 880 + 10) + ',' + (210 - p.value / max * 200)).join(' '));
              line.setAttribute('fill', 'none'); line.setAttribute('stroke', colours[i]); svg.append(line);
            });
            const label = document.createElementNS('http://www.w3.org/2000/svg', 'text'); label.setAttribute('x', 10); label.setAttribute('y', 14);
            label.textContent = 'max ' + max.toFixed(2) + ' ' + (points[0].unit || ''); svg.append(label);
          }
          document.getElementById('trace-filter').onsubmit = e => { e.preventDefault(); traces(); };
          document.getElementById('log-filter').onsubmit = e => { e.preventDefault(); structuredLogs(); };
          document.getElementById('metric').onchange = metrics;
          async function queues() {
            const response = await fetch('/api/queues'); if (!response.ok) return;
            const body = document.getElementById('queues'); body.replaceChildren();
            for (const queue of await response.json()) {
              const tr = document.createElement('tr'); tr.className = queue.errorQueue && queue.messages > 0 ? 'Exited' : '';
              const peek = document.createElement('td');
              if (queue.messages > 0) {
                const b = document.createElement('button'); b.textContent = 'peek'; b.dataset.queue = queue.name;
                b.onclick = async () => {
                  const messages = await (await fetch('/api/queues/' + encodeURIComponent(queue.virtualHost) + '/' + encodeURIComponent(queue.name) + '/messages')).json();
                  const pre = document.getElementById('peek'); pre.hidden = false;
                  pre.textContent = queue.name + '\n' + messages.map(m => (m.messageType ?? '') + (m.exception ? '  ✗ ' + m.exception : '') + '\n' + m.payload).join('\n---\n');
                };
                peek.append(b);
              }
              tr.append(cell(queue.virtualHost), cell(queue.name), cell(queue.messages), cell(queue.ready), cell(queue.unacknowledged), cell(queue.consumers),
                cell(queue.publishRate.toFixed(1)), cell(queue.deliverRate.toFixed(1)), peek);
              body.append(tr);
            }
          }
          const euros = cents => (cents / 100).toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' });
          async function operations() {
            const view = document.getElementById('operations');
            const o = await (await fetch('/api/operations')).json();
            view.replaceChildren();
            const counts = document.createElement('p');
            counts.textContent = o.counts ? Object.entries(o.counts).filter(([, n]) => n > 0).map(([s, n]) => s + ': ' + n).join(' · ') || 'no orders yet' : 'Ordering does not answer';
            const money = document.createElement('p');
            money.textContent = o.money ? 'Today: authorised ' + euros(o.money.authorisedCents) + ' · captured ' + euros(o.money.capturedCents) + ' · refunded ' + euros(o.money.refundedCents)
              : 'Payment does not answer';
            const stuck = document.createElement('p');
            stuck.textContent = o.stuck ? (o.stuck.length ? 'Stuck: ' + o.stuck.map(s => s.orderNumber + ' (' + s.status + ')').join(', ') : 'No stuck order') : '';
            stuck.className = o.stuck && o.stuck.length ? 'Exited' : '';
            view.append(counts, money, stuck);
          }
          // A selected trace keeps filling in: its spans arrive from each service in batches.
          const all = () => { refresh(); traces(); structuredLogs(); metrics(); queues(); operations(); if (selectedTrace) waterfall(selectedTrace, false); };
          all(); setInterval(all, 3000);
        </script>
        </body></html>
        """;
}
