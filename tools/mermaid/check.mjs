// Parse Mermaid with Mermaid itself (offline, jsdom) and print what it read.
//
//   node tools/mermaid/check.mjs DOC.md [MORE.mmd ...]   every ```mermaid fence of a Markdown
//                                                        file, or a whole .mmd file
//   node tools/mermaid/check.mjs < diagrams.json         a JSON list of {"name", "text"}
//
// Prints one JSON list: per diagram its name, type, and the labels Mermaid parsed, decoded as
// a reader sees them (entity codes such as #quot; resolved, <br> as a line break): a
// flowchart's vertices, edges and subgraphs; a sequence diagram's actors and messages (each
// message with the number autonumber gives it) and notes. Exits 1 when any diagram fails to
// parse or is longer than Mermaid renders (maxTextSize), with its error in the list.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.Option = dom.window.Option; // a sequence box's colour is checked with new Option()
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
const MAX_TEXT = mermaid.mermaidAPI.getConfig().maxTextSize ?? 50000;

// Line types of sequenceDb.LINETYPE that draw an arrow (and so take a number).
const NOTE = 2;
const AUTONUMBER = 26;
const ARROWS = new Set([0, 1, 3, 4, 5, 6, 24, 25, 33, 34, ...Array.from({ length: 20 }, (_, i) => 41 + i)]);

function decode(text) {
  // What a reader sees: <br> as a line break, Mermaid's entity placeholders back to entities,
  // then the result read as HTML and its text taken, as the browser shows the label (a tag
  // that slipped through unescaped vanishes, so the text no longer matches).
  if (typeof text !== 'string') return text;
  const html = text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\uFB02\u00B0\u00B0/g, '&#')
    .replace(/\uFB02\u00B0/g, '&')
    .replace(/\u00B6\u00DF/g, ';');
  const box = document.createElement('div');
  box.innerHTML = html;
  return box.textContent;
}

function fences(markdown) {
  const found = [];
  const pattern = /^```mermaid[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;
  let match;
  while ((match = pattern.exec(markdown)) !== null) found.push(match[1]);
  return found;
}

function flowchart(db) {
  return {
    vertices: [...db.getVertices().values()].map((v) => ({
      id: v.id,
      text: decode(v.text),
      shape: v.type ?? null,
      classes: v.classes,
    })),
    edges: db.getEdges().map((e) => ({
      start: e.start,
      end: e.end,
      text: decode(e.text),
      stroke: e.stroke,
      arrow: e.type,
      style: e.style ?? [],
    })),
    subgraphs: db.getSubGraphs().map((s) => ({ id: s.id, title: decode(s.title), nodes: s.nodes })),
  };
}

function sequence(db) {
  const actors = [...db.getActors().entries()].map(([id, a]) => ({
    id,
    text: decode(a.description),
    type: a.type,
  }));
  const messages = [];
  const notes = [];
  let number = 1;
  let step = 1;
  let numbered = false;
  for (const m of db.getMessages()) {
    if (m.type === AUTONUMBER) {
      number = m.message.start || number;
      step = m.message.step || step;
      numbered = m.message.visible;
    } else if (m.type === NOTE) {
      notes.push({ actor: m.from, text: decode(m.message) });
    } else if (ARROWS.has(m.type)) {
      messages.push({ from: m.from, to: m.to, text: decode(m.message), number: numbered ? number : null });
      number = Math.round((number + step) * 100) / 100;
    }
  }
  return { actors, messages, notes };
}

async function check(name, text) {
  try {
    if (text.length > MAX_TEXT) {
      throw new Error(`Maximum text size in diagram exceeded (${text.length} > ${MAX_TEXT})`);
    }
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const read = diagram.db.getVertices ? flowchart(diagram.db) : sequence(diagram.db);
    return { name, ok: true, type: diagram.type, ...read };
  } catch (error) {
    return { name, ok: false, error: String(error?.message ?? error) };
  }
}

function readStdin() {
  return readFileSync(0, 'utf8');
}

async function main(paths) {
  const diagrams = [];
  if (paths.length === 0) {
    diagrams.push(...JSON.parse(readStdin()));
  } else {
    for (const path of paths) {
      const text = readFileSync(path, 'utf8');
      const found = path.endsWith('.mmd') ? [text] : fences(text);
      found.forEach((t, i) => diagrams.push({ name: `${path}#${i + 1}`, text: t }));
    }
  }
  const results = [];
  for (const { name, text } of diagrams) results.push(await check(name, text));
  process.stdout.write(JSON.stringify(results) + '\n');
  const failed = results.filter((r) => !r.ok);
  for (const r of failed) process.stderr.write(`${r.name}: ${r.error}\n`);
  process.exitCode = failed.length ? 1 : 0;
}

await main(process.argv.slice(2));
