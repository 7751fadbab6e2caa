// moksori review pages: de-identification decisions and reliability resolutions.
// Data goes into the page with textContent only, never as markup; the page
// gives the sentences in its language (data-* attributes with {placeholders}).
"use strict";

(function () {
  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  const deidBox = document.getElementById("deid-result");
  const resolveBox = document.getElementById("resolve-result");

  async function review(ids, decision) {
    if (!ids.length || !deidBox) { return; }
    try {
      const data = await window.moksori.send("POST", "/api/deid/review", { ids: ids, decision: decision });
      const word = deidBox.dataset[data.status] || data.status;
      data.ids.forEach(function (id) {
        const cell = document.querySelector('tr[data-finding="' + Number(id) + '"] .state');
        if (cell) { cell.textContent = word; }
      });
      let text = fill(deidBox.dataset.done, { changed: data.changed, status: word });
      if (data.needs_vault.length) {
        text += " " + fill(deidBox.dataset.needsVault, { n: data.needs_vault.length });
      }
      deidBox.textContent = text;
    } catch (error) {
      deidBox.textContent = error.message;
    }
  }

  async function reviewGroup(group, decision) {
    if (!deidBox) { return; }
    try {
      const data = await window.moksori.send("POST", "/api/deid/review", { groups: [group], decision: decision });
      const word = deidBox.dataset[data.status] || data.status;
      data.groups.forEach(function (id) {
        document.querySelectorAll("tr[data-group]").forEach(function (row) {
          if (row.dataset.group === String(id)) {
            const cell = row.querySelector(".state");
            if (cell) { cell.textContent = word; }
          }
        });
      });
      let text = fill(deidBox.dataset.done, { changed: data.changed, status: word });
      if (data.needs_vault.length) {
        text += " " + fill(deidBox.dataset.needsVaultGroups, { n: data.needs_vault.length });
      }
      deidBox.textContent = text;
    } catch (error) {
      deidBox.textContent = error.message;
    }
  }

  document.querySelectorAll(".review-group").forEach(function (button) {
    button.addEventListener("click", function () {
      reviewGroup(button.dataset.group, button.dataset.decision);
    });
  });
  document.querySelectorAll(".review-one").forEach(function (button) {
    button.addEventListener("click", function () {
      review([Number(button.dataset.id)], button.dataset.decision);
    });
  });
  document.querySelectorAll(".review-bulk").forEach(function (button) {
    button.addEventListener("click", function () {
      const ids = Array.from(document.querySelectorAll(".pick:checked")).map(function (box) {
        return Number(box.value);
      });
      review(ids, button.dataset.decision);
    });
  });
  const all = document.getElementById("select-all");
  if (all) {
    all.addEventListener("change", function () {
      document.querySelectorAll(".pick").forEach(function (box) { box.checked = all.checked; });
    });
  }

  document.querySelectorAll(".resolve").forEach(function (button) {
    button.addEventListener("click", async function () {
      const row = button.closest("tr");
      const body = {
        a: button.dataset.a,
        b: button.dataset.b,
        adopt: button.dataset.adopt,
        coding_ids: [Number(button.dataset.coding)],
      };
      if (body.adopt === "new") {  // the code typed or picked beside the button
        const input = row ? row.querySelector(".new-code-path") : null;
        body.code = input ? input.value.trim() : "";
        if (!body.code) {
          if (resolveBox) { resolveBox.textContent = button.dataset.pick || ""; }
          return;
        }
      }
      try {
        const data = await window.moksori.send("POST", "/api/reliability/resolve", body);
        if (row) {
          row.querySelector(".decided").textContent =
            body.adopt === "new" ? body.code : body.adopt;
        }
        if (resolveBox) { resolveBox.textContent = fill(resolveBox.dataset.done, data); }
      } catch (error) {
        if (resolveBox) { resolveBox.textContent = error.message; }
      }
    });
  });
})();
