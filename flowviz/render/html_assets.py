"""The HTML report's style sheet and script: fixed text of our own, never map text.

The page's Content-Security-Policy allows exactly these two by their SHA-256 hashes, so they
are plain constants: the same bytes in every report. Status chips take the colours and line
styles of the pictures' legend (``render.dot.STATUS_STYLE``).
"""

from __future__ import annotations

from flowviz.render.dot import STATUS_STYLE

_LINE_STYLE = {"solid": "solid", "dashed": "dashed", "dotted": "dotted"}


def _chip_rules() -> str:
    """One rule per status: the legend's colour (the first of a ``mixed`` pair) and dash."""
    rules = []
    for status, style in STATUS_STYLE.items():
        colour = style["color"].split(":")[0]
        dash = _LINE_STYLE.get(style["style"], "solid")
        rules.append(f".chip.s-{status}{{--c:{colour};border-style:{dash}}}")
    return "\n".join(rules)


STYLE = (
    """
:root{--fg:#1f2937;--muted:#6b7280;--rule:#e5e7eb;--zebra:#f8fafc;--head:#eef2f7;
--accent:#1d4ed8;--bar:3.25rem}
*{box-sizing:border-box}
html{scroll-padding-top:6rem}
body{margin:0;color:var(--fg);background:#fff;font:14px/1.45 system-ui,-apple-system,
"Segoe UI",Roboto,"Helvetica Neue","DejaVu Sans",Arial,sans-serif}
header.top{padding:1.5rem 2rem 1rem;background:#f8fafc;border-bottom:1px solid var(--rule)}
.kicker{margin:0;color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.06em}
h1{margin:.2rem 0 .8rem;font-size:1.6rem;line-height:1.25}
h2{margin:2.2rem 0 .6rem;padding-top:.6rem;font-size:1.25rem;border-top:2px solid var(--rule)}
h3{margin:1.4rem 0 .4rem;font-size:1.05rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1.2rem;margin:0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
ul.goals{margin:.3rem 0 0;padding-left:1.2rem}
p.summary{margin:.8rem 0 0}
nav.toc{margin-top:.8rem;font-size:.9rem}
nav.toc a{margin-right:1rem;color:var(--accent);text-decoration:none}
nav.toc a:hover{text-decoration:underline}
.toolbar{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;
align-items:center;height:var(--bar);padding:0 2rem;background:#fff;
border-bottom:1px solid var(--rule);box-shadow:0 1px 3px rgba(0,0,0,.06)}
.toolbar[hidden]{display:none}
.toolbar label{display:flex;gap:.4rem;align-items:center;color:var(--muted);font-size:.85rem}
.toolbar input,.toolbar select{font:inherit;color:var(--fg);padding:.25rem .5rem;
border:1px solid #cbd5e1;border-radius:4px;background:#fff}
.toolbar input{width:22rem;max-width:50vw}
.toolbar output{color:var(--muted);font-size:.85rem;font-variant-numeric:tabular-nums}
main{padding:0 2rem 3rem}
figure{margin:.5rem 0 1rem;padding:.5rem;overflow:auto;border:1px solid var(--rule);
border-radius:6px;background:#fff}
figure svg{display:block;max-width:100%;height:auto}
table{width:100%;margin:.4rem 0 1rem;border-collapse:separate;border-spacing:0;font-size:.82rem}
th{position:sticky;top:0;z-index:2;padding:.4rem .5rem;text-align:left;vertical-align:bottom;
font-weight:600;background:var(--head);border-bottom:1px solid #cbd5e1}
.js th{top:var(--bar)}
td{padding:.35rem .5rem;vertical-align:top;border-bottom:1px solid var(--rule);
white-space:pre-line;overflow-wrap:break-word}
td .sub,td details{overflow-wrap:anywhere}
tbody tr:nth-child(even){background:var(--zebra)}
tbody tr:target{background:#fef9c3}
td.n,th.n{width:1%;white-space:nowrap;text-align:right;font-variant-numeric:tabular-nums}
td.n{color:var(--muted)}
td.n a{color:inherit}
.sub{margin-top:.2rem;color:var(--muted);font-size:.9em}
code{font:.92em ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
details summary{cursor:pointer;color:var(--muted)}
.chip{display:inline-block;white-space:nowrap;padding:0 .5rem;border:2px solid var(--c);
border-radius:999px;font-size:.8rem;line-height:1.5}
.chip::before{content:"";display:inline-block;width:.55rem;height:.55rem;margin-right:.35rem;
border-radius:50%;background:var(--c)}
"""
    + _chip_rules()
    + """
.sev{display:inline-block;padding:0 .45rem;border-radius:4px;font-size:.8rem;white-space:nowrap}
.sev.error{background:#fee2e2;color:#991b1b}
.sev.warning{background:#fef3c7;color:#92400e}
.sev.info{background:#e0f2fe;color:#075985}
.empty{color:var(--muted);font-style:italic}
footer{padding:1rem 2rem 2rem;color:var(--muted);font-size:.8rem}
@media print{
body{font-size:10pt}
.toolbar,nav.toc{display:none}
header.top{background:none;padding:0 0 .5rem}
main,footer{padding:0}
th,.js th{position:static}
tbody tr:nth-child(even){background:none}
tr,figure{break-inside:avoid}
h2,h3{break-after:avoid}
figure{border:none;padding:0;overflow:visible}
.chip,.sev{print-color-adjust:exact;-webkit-print-color-adjust:exact}
details{color:var(--muted);font-size:.9em}
details::details-content{display:block;content-visibility:visible}
details summary{color:var(--fg);font-weight:600;list-style:none}
}
"""
)
"""The report's style sheet."""

SCRIPT = """
"use strict";
(function () {
  var bar = document.getElementById("fv-toolbar");
  var search = document.getElementById("fv-search");
  var system = document.getElementById("fv-system");
  var count = document.getElementById("fv-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tbody tr[data-row]"));
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  function keeps(index, words, chosen) {
    var systems = rows[index].getAttribute("data-systems");
    if (chosen && systems !== null && (" " + systems + " ").indexOf(" " + chosen + " ") < 0) {
      return false;
    }
    return words.every(function (word) { return texts[index].indexOf(word) >= 0; });
  }
  function apply() {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row, index) {
      var keep = keeps(index, words, system.value);
      row.hidden = !keep;
      shown += keep ? 1 : 0;
    });
    count.textContent = shown + " / " + rows.length;
  }
  search.addEventListener("input", apply);
  system.addEventListener("change", apply);
  document.documentElement.classList.add("js");
  bar.hidden = false;
  apply();
})();
"""
"""The search box and the system filter: each table row (``tr[data-row]``) stays shown when
it holds every word typed and, if it names systems (``data-systems``), the system chosen."""
