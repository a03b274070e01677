namespace OrderPlatform.Hosting.Dashboard;

/// <summary>One self-contained page (no CDN: nothing outside loopback is reachable).</summary>
internal static class DashboardPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>OrderPlatform — resources</title>
        <style>
          body { font: 14px system-ui, sans-serif; margin: 1.5rem; color: #222; }
          table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; }
          .Running { color: #18794e; } .Unhealthy, .Exited, .FailedToStart { color: #c62828; } .Restarting, .Starting { color: #b26a00; }
          pre { background: #111; color: #ddd; padding: .8rem; max-height: 28rem; overflow: auto; font-size: 12px; }
          a { color: #0b57d0; } button { cursor: pointer; }
        </style></head>
        <body>
        <h1>OrderPlatform</h1>
        <table><thead><tr><th>Resource</th><th>Type</th><th>State</th><th>PID</th><th>Uptime</th><th>Restarts</th><th>Endpoints</th><th></th></tr></thead>
        <tbody id="resources"></tbody></table>
        <h2 id="log-title"></h2><pre id="log" hidden></pre>
        <p id="telemetry"></p>
        <script>
          let shown = null;
          const cell = text => { const td = document.createElement('td'); td.textContent = text ?? ''; return td; };
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
              const logs = document.createElement('td'); const b = document.createElement('button'); b.textContent = 'logs'; b.onclick = () => { shown = r.name; showLogs(); }; logs.append(b); tr.append(logs);
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
          refresh(); setInterval(refresh, 2000);
        </script>
        </body></html>
        """;
}
