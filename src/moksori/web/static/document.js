// moksori document view: colour the coding highlights, code a selection, write memos.
// Offsets sent to the server are UTF-16 units from the start of the document text
// (each passage element carries data-start16); the server converts to code points.
// Data goes into the page with textContent only, never innerHTML.
"use strict";

(function () {
  const root = document.getElementById("doc-text");
  if (!root) { return; }
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"];
  const HEX = /^#[0-9a-fA-F]{6}$/;
  const messages = (document.getElementById("doc-messages") || {}).dataset || {};
  const status = document.getElementById("doc-status");

  function say(text) { if (status) { status.textContent = text; } }

  function colourOf(el) {
    const own = el.dataset.colour || "";
    if (HEX.test(own)) { return own; }
    const n = Number((el.dataset.fallback || "hl-c0").slice(4));
    return PALETTE[n % PALETTE.length];
  }

  // --- colours: swatches, and stacked underline bands for overlapping codings ---
  document.querySelectorAll("[data-colour]").forEach(function (el) {
    const swatch = el.querySelector(".swatch");
    if (swatch) { swatch.style.backgroundColor = colourOf(el); }
  });
  const codingColour = {};
  document.querySelectorAll("#coding-list li.coding").forEach(function (li) {
    codingColour[li.dataset.codingId] = colourOf(li);
  });
  root.querySelectorAll("span.hl").forEach(function (span) {
    const ids = (span.dataset.c || "").split(" ").filter(Boolean);
    span.style.boxShadow = ids.map(function (id, i) {
      return "inset 0 -" + (3 * (i + 1)) + "px 0 0 " + (codingColour[id] || "#888888");
    }).join(", ");
    span.style.paddingBottom = (3 * ids.length - 1) + "px";
    span.addEventListener("click", function () {
      if (!window.getSelection().isCollapsed) { return; }
      const li = document.getElementById("coding-" + ids[ids.length - 1]);
      if (li) { li.scrollIntoView({ block: "nearest" }); li.focus(); }
    });
  });
  // a coding in the list shows where it is
  document.querySelectorAll("#coding-list li.coding").forEach(function (li) {
    function mark(on) {
      root.querySelectorAll("span.hl").forEach(function (span) {
        if ((" " + span.dataset.c + " ").indexOf(" " + li.dataset.codingId + " ") >= 0) {
          span.classList.toggle("focus", on);
        }
      });
    }
    li.addEventListener("mouseenter", function () { mark(true); });
    li.addEventListener("mouseleave", function () { mark(false); });
    li.addEventListener("focus", function () { mark(true); });
    li.addEventListener("blur", function () { mark(false); });
  });

  // --- a search hit (#at=start16-end16): select it and bring it into view -------
  function pointAt(offset16) {
    const passages = root.querySelectorAll(".ptext");
    for (let i = 0; i < passages.length; i++) {
      const p = passages[i];
      if (offset16 < Number(p.dataset.start16) || offset16 > Number(p.dataset.end16)) { continue; }
      let n = Number(p.dataset.start16);
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (offset16 <= n + t.data.length) { return [t, offset16 - n]; }
        n += t.data.length;
      }
    }
    return null;
  }
  const hit = /^#at=(\d+)-(\d+)$/.exec(window.location.hash);
  if (hit) {
    const from = pointAt(Number(hit[1]));
    const to = pointAt(Number(hit[2]));
    if (from && to) {
      const range = document.createRange();
      range.setStart(from[0], from[1]);
      range.setEnd(to[0], to[1]);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      from[0].parentElement.scrollIntoView({ block: "center" });
    }
  }

  if (root.dataset.canCode !== "yes") { return; }

  // --- selection → UTF-16 offsets ---------------------------------------------
  function passageOf(node) {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
    const p = el && el.closest ? el.closest(".ptext") : null;
    return p && root.contains(p) ? p : null;
  }

  // UTF-16 offset of a DOM point inside a passage: its start + the text before it.
  function offsetIn(p, container, offset) {
    let n = Number(p.dataset.start16);
    if (container.nodeType === Node.TEXT_NODE) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (t === container) { return n + offset; }
        n += t.data.length;
      }
      return null;
    }
    const before = document.createRange();
    before.setStart(p, 0);
    before.setEnd(container, offset);
    return n + before.toString().length;
  }

  // A point outside every passage text (a speaker label, the translation) snaps
  // to the nearest passage text inside the selection.
  function snap(container, offset, isStart) {
    const point = document.createRange();
    point.setStart(container, offset);
    const all = Array.prototype.slice.call(root.querySelectorAll(".ptext"));
    if (isStart) {
      for (const p of all) {
        if (point.comparePoint(p, 0) >= 0) { return Number(p.dataset.start16); }
      }
      return null;
    }
    for (let i = all.length - 1; i >= 0; i--) {
      if (point.comparePoint(all[i], all[i].childNodes.length) <= 0) {
        return Number(all[i].dataset.end16);
      }
    }
    return null;
  }

  function selection16() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return null; }
    const range = sel.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) {
      return null;
    }
    const ps = passageOf(range.startContainer);
    const pe = passageOf(range.endContainer);
    if (!ps && !pe) { return null; }  // e.g. a selection inside the translation only
    const start = ps ? offsetIn(ps, range.startContainer, range.startOffset)
      : snap(range.startContainer, range.startOffset, true);
    const end = pe ? offsetIn(pe, range.endContainer, range.endOffset)
      : snap(range.endContainer, range.endOffset, false);
    if (start === null || end === null || end <= start) { return null; }
    return { start16: start, end16: end };
  }

  // --- the code popup ------------------------------------------------------------
  const popup = document.getElementById("code-popup");
  const filter = document.getElementById("code-filter");
  const options = Array.prototype.slice.call(popup.querySelectorAll("li[role=option]"));
  let pending = null;
  let active = 0;

  function visible() { return options.filter(function (o) { return !o.hidden; }); }

  function highlight() {
    const shown = visible();
    if (active >= shown.length) { active = shown.length - 1; }
    if (active < 0) { active = 0; }
    shown.forEach(function (o, i) {
      o.setAttribute("aria-selected", i === active ? "true" : "false");
      o.querySelector(".num").textContent = i < 9 ? String(i + 1) : "";
      if (i === active) { o.scrollIntoView({ block: "nearest" }); }
    });
    options.forEach(function (o) { if (o.hidden) { o.setAttribute("aria-selected", "false"); } });
  }

  function applyFilter() {
    const q = filter.value.trim().toLocaleLowerCase();
    options.forEach(function (o) {
      o.hidden = q !== "" && o.querySelector(".name").textContent.toLocaleLowerCase().indexOf(q) < 0;
    });
    active = 0;
    highlight();
  }

  let lastPassage = null;  // the last selection, for a memo on a passage

  function open() {
    const sel = selection16();
    if (!sel) { say(messages.empty || ""); return; }
    pending = sel;
    lastPassage = sel;
    const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
    popup.hidden = false;
    popup.style.left = Math.max(8, rect.left + window.scrollX) + "px";
    popup.style.top = (rect.bottom + window.scrollY + 6) + "px";
    filter.value = "";
    applyFilter();
    filter.focus();
  }

  function close() { popup.hidden = true; pending = null; }

  function reload() {
    sessionStorage.setItem("moksori.scroll." + location.pathname, String(window.scrollY));
    location.reload();
  }

  async function code(option) {
    if (!pending || !option) { return; }
    const body = {
      document_id: Number(root.dataset.docId),
      code: Number(option.dataset.codeId),
      start16: pending.start16,
      end16: pending.end16,
    };
    close();
    try {
      await window.moksori.send("POST", "/api/codings", body);
      say(messages.coded || "");
      reload();
    } catch (err) { say(err.message); }
  }

  filter.addEventListener("input", applyFilter);
  popup.addEventListener("keydown", function (ev) {
    const shown = visible();
    if (ev.key === "Escape") { ev.preventDefault(); close(); root.focus(); return; }
    if (ev.key === "ArrowDown") { ev.preventDefault(); active = Math.min(active + 1, shown.length - 1); highlight(); return; }
    if (ev.key === "ArrowUp") { ev.preventDefault(); active = Math.max(active - 1, 0); highlight(); return; }
    if (ev.key === "Enter") { ev.preventDefault(); code(shown[active]); return; }
    if (/^[1-9]$/.test(ev.key) && filter.value === "") {
      ev.preventDefault();
      code(shown[Number(ev.key) - 1]);
    }
  });
  options.forEach(function (o) { o.addEventListener("click", function () { code(o); }); });
  document.addEventListener("mousedown", function (ev) {
    if (!popup.hidden && !popup.contains(ev.target)) { close(); }
  });
  root.addEventListener("mouseup", function () {
    window.setTimeout(function () { if (selection16()) { open(); } }, 0);
  });
  document.addEventListener("keydown", function (ev) {
    const tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || !popup.hidden) { return; }
    if ((ev.key === "c" || ev.key === "C") && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      if (selection16()) { ev.preventDefault(); open(); }
    }
  });
  const button = document.getElementById("code-selection");
  if (button) {
    // keep the selection: the button must not take it away on mousedown
    button.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
    button.addEventListener("click", open);
  }

  // --- coding tools and memos ----------------------------------------------------
  document.querySelectorAll("button.coding-delete").forEach(function (b) {
    b.addEventListener("click", async function () {
      if (!window.confirm(messages.confirmDelete || "")) { return; }
      try {
        await window.moksori.send("DELETE", "/api/codings/" + b.dataset.codingId);
        reload();
      } catch (err) { say(err.message); }
    });
  });
  document.querySelectorAll("button.coding-memo").forEach(function (b) {
    b.addEventListener("click", async function () {
      const memo = window.prompt(messages.memoPrompt || "", b.dataset.memo || "");
      if (memo === null) { return; }
      try {
        await window.moksori.send("POST", "/api/codings/" + b.dataset.codingId + "/memo", { memo: memo });
        reload();
      } catch (err) { say(err.message); }
    });
  });
  const form = document.getElementById("memo-form");
  if (form) {
    form.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const kind = form.elements.target_kind.value;
      const body = {
        target_kind: kind === "passage" ? "document" : kind,
        target: kind === "project" ? null : Number(form.dataset.docId),
        title: form.elements.title.value,
        text: form.elements.text.value,
      };
      if (kind === "passage") {
        if (!lastPassage) { say(messages.noPassage || ""); return; }
        body.start16 = lastPassage.start16;
        body.end16 = lastPassage.end16;
      }
      try {
        await window.moksori.send("POST", "/api/memos", body);
        say(messages.saved || "");
        reload();
      } catch (err) { say(err.message); }
    });
  }
  const kept = sessionStorage.getItem("moksori.scroll." + location.pathname);
  if (kept !== null) {
    sessionStorage.removeItem("moksori.scroll." + location.pathname);
    window.scrollTo(0, Number(kept));
  }
})();
