"""The page's only stylesheet, inline: system fonts (nothing fetched), and a print layout."""

from __future__ import annotations

__all__ = ["STYLE"]

STYLE = """
:root { color-scheme: light; }
body { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif;
  margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; line-height: 1.5; color: #1a1a1a;
  background: #fff; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #1f5f99; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
p.lead { font-weight: 600; }
p.hint, p.note { color: #444; font-size: .92rem; }
nav ul { list-style: none; padding: 0; display: flex; gap: 1.5rem; }
a { color: #1f5f99; }
figure { margin: 1rem 0 1.5rem; }
figcaption { font-weight: 600; margin-top: .25rem; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg.chart text { font-family: inherit; font-size: 12px; fill: #1a1a1a; }
svg.chart text.value { font-weight: 600; }
svg.chart g.bar:hover rect { opacity: .75; }
table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
td.num { white-space: nowrap; }
td.ids { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .8rem;
  word-break: break-all; }
details summary { cursor: pointer; color: #1f5f99; }
footer { margin-top: 2rem; border-top: 1px solid #ccc; color: #444; font-size: .85rem; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav, p.hint, details summary { display: none; }
  h2, h3 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  svg.chart g.bar rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
"""
