// moksori codebook: colour swatches, and the create / edit / move / merge forms.
// Data goes into the page with textContent or form values only, never innerHTML.
"use strict";

(function () {
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"];
  const HEX = /^#[0-9a-fA-F]{6}$/;
  document.querySelectorAll("#code-tree li[data-colour]").forEach(function (li) {
    const swatch = li.querySelector(".swatch");
    if (swatch && HEX.test(li.dataset.colour)) { swatch.style.backgroundColor = li.dataset.colour; }
    else if (swatch) { swatch.style.backgroundColor = PALETTE[Number(li.dataset.fallback.slice(4)) % 8]; }
  });
  const status = document.getElementById("codebook-status");
  if (!status) { return; }

  function say(text) { status.textContent = text; }

  function submit(id, build) {
    const form = document.getElementById(id);
    if (!form) { return; }
    form.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const call = build(form.elements);
      if (!call) { return; }
      try {
        await window.moksori.send(call[0], call[1], call[2]);
        location.reload();
      } catch (err) { say(err.message); }
    });
  }

  submit("code-create", function (f) {
    return ["POST", "/api/codes", {
      name: f.name.value, parent: f.parent.value || null,
      definition: f.definition.value, colour: f.colour.value,
    }];
  });
  submit("code-edit", function (f) {
    return ["PATCH", "/api/codes/" + f.code.value, {
      name: f.name.value, definition: f.definition.value, colour: f.colour.value,
    }];
  });
  submit("code-move", function (f) {
    return ["POST", "/api/codes/" + f.code.value + "/move", { parent: f.parent.value || null }];
  });
  submit("code-merge", function (f) {
    if (!window.confirm(status.dataset.confirmMerge || "")) { return null; }
    return ["POST", "/api/codes/" + f.code.value + "/merge", { into: f.into.value }];
  });

  // the edit form shows the chosen code's current values
  const edit = document.getElementById("code-edit");
  if (edit) {
    const fill = function () {
      const li = document.getElementById("code-" + edit.elements.code.value);
      if (!li) { return; }
      edit.elements.name.value = li.dataset.name || "";
      edit.elements.definition.value = li.dataset.definition || "";
      edit.elements.colour.value = li.dataset.colour || "";
    };
    edit.elements.code.addEventListener("change", fill);
    fill();
  }
  // clicking a code in the tree chooses it in the edit and move forms
  document.querySelectorAll("#code-tree li").forEach(function (li) {
    li.addEventListener("click", function () {
      document.querySelectorAll("form select[name=code]").forEach(function (s) {
        s.value = li.dataset.codeId;
        s.dispatchEvent(new Event("change"));
      });
    });
  });
})();
