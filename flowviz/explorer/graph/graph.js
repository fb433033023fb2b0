// The explorer's graph: our renderer's SVG (already escaped) parsed as an SVG document, with
// pan and zoom (svg-pan-zoom), a tooltip filled from each element's own title as text, clicks
// on systems and links and the arrow keys sent back to Python as trigger values. Map text is
// never inserted as HTML: the SVG is parsed as XML and the tooltip is set with textContent.

const XLINK = "http://www.w3.org/1999/xlink";
const MOVED = 4;
const MIN_HEIGHT = 280;
const MAX_HEIGHT = 620;

function clean(svg) {
  // Defence in depth: our renderer writes no script, handler or link, so none may stay.
  for (const bad of svg.querySelectorAll("script, foreignObject, iframe, object, embed")) {
    bad.remove();
  }
  for (const element of [svg, ...svg.querySelectorAll("*")]) {
    for (const attr of [...element.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on") || name === "href" || name.endsWith(":href")) {
        element.removeAttributeNode(attr);
      }
    }
  }
}

function takeTips(svg, tips) {
  // The full row: the link's xlink:title (Graphviz's tooltip), else the element's <title>.
  for (const g of svg.querySelectorAll("g.node, g.edge")) {
    const link = g.querySelector("a");
    const title = g.querySelector(":scope > title");
    const text = (link && link.getAttributeNS(XLINK, "title")) || (title ? title.textContent : "");
    tips.set(g.id, text);
    for (const a of g.querySelectorAll("a")) a.removeAttributeNS(XLINK, "title");
    for (const t of g.querySelectorAll("title")) t.remove();
    if (g.classList.contains("edge")) {
      for (const path of g.querySelectorAll("path")) {
        const hit = path.cloneNode(false);
        hit.setAttribute("class", "flowviz-hit");
        path.after(hit);
      }
    }
  }
}

function draw(box, text) {
  const canvas = box.querySelector(".flowviz-canvas");
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = parsed.documentElement;
  if (box.zoom) {
    box.zoom.destroy();
    box.zoom = null;
  }
  box.tips = new Map();
  if (!root || root.localName !== "svg" || parsed.querySelector("parsererror")) {
    canvas.replaceChildren();
    return;
  }
  clean(root);
  takeTips(root, box.tips);
  const svg = document.importNode(root, true);
  svg.setAttribute("width", "100%");
  svg.setAttribute("height", "100%");
  canvas.replaceChildren(svg);
  fitHeight(box, svg);
  box.zoom = window.svgPanZoom(svg, {
    zoomScaleSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 30,
    dblClickZoomEnabled: false,
    fit: true,
    center: true,
  });
}

function fitHeight(box, svg) {
  // A wide, flat picture (a flow) gets a lower frame than a square one.
  const shape = svg.viewBox && svg.viewBox.baseVal;
  if (!shape || !shape.width) return;
  const wanted = (box.clientWidth * shape.height) / shape.width + 24;
  box.style.height = Math.round(Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, wanted))) + "px";
}

function mark(box, data) {
  const lit = new Set(data.lit || []);
  const fade = Boolean(data.fade) && lit.size > 0;
  const selected = data.selected ? "system:" + data.selected : null;
  for (const g of box.querySelectorAll(".flowviz-canvas g.node, .flowviz-canvas g.edge")) {
    g.classList.toggle("flowviz-lit", lit.has(g.id));
    g.classList.toggle("flowviz-faded", fade && !lit.has(g.id));
    g.classList.toggle("flowviz-selected", g.id === selected);
  }
}

function showTip(box, event) {
  const tip = box.querySelector(".flowviz-tip");
  const g = event.target.closest ? event.target.closest("g.node, g.edge") : null;
  const text = g && box.tips ? box.tips.get(g.id) : "";
  if (!text) {
    tip.hidden = true;
    return;
  }
  tip.textContent = text;
  tip.hidden = false;
  const frame = box.getBoundingClientRect();
  const x = event.clientX - frame.left + 14;
  const y = event.clientY - frame.top + 14;
  tip.style.left = Math.max(0, Math.min(x, frame.width - tip.offsetWidth - 4)) + "px";
  tip.style.top = Math.max(0, Math.min(y, frame.height - tip.offsetHeight - 4)) + "px";
}

function wire(box) {
  let down = null;
  box.addEventListener("mousemove", (event) => showTip(box, event));
  box.addEventListener("mouseleave", () => {
    box.querySelector(".flowviz-tip").hidden = true;
  });
  box.addEventListener("mousedown", (event) => {
    down = [event.clientX, event.clientY];
  });
  box.addEventListener("click", (event) => {
    const dragged =
      down && Math.hypot(event.clientX - down[0], event.clientY - down[1]) > MOVED;
    down = null;
    const g = event.target.closest ? event.target.closest("g.node, g.edge") : null;
    if (dragged || !g) return;
    if (g.classList.contains("node") && g.id.startsWith("system:")) {
      box.send("node", g.id.slice("system:".length));
    } else if (g.classList.contains("edge")) {
      box.send("edge", g.id);
    }
  });
  box.addEventListener("keydown", (event) => {
    if (!box.player) return;
    const step = { ArrowLeft: "previous", ArrowRight: "next" }[event.key];
    if (step) {
      event.preventDefault();
      box.send("step", step);
    }
  });
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const box = parentElement.querySelector(".flowviz-graph");
  if (!box || !data) return;
  box.send = setTriggerValue;
  box.player = Boolean(data.player);
  if (!box.wired) {
    wire(box);
    box.wired = true;
  }
  if (box.svg !== data.svg) {
    draw(box, data.svg);
    box.svg = data.svg;
  }
  mark(box, data);
  box.dataset.view = data.view || "";
}
