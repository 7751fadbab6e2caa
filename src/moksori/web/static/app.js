// moksori: the small shared script. No build step, no dependencies.
// Every state-changing fetch carries the session's CSRF token.
"use strict";

window.moksori = (function () {
  function csrf() {
    return document.body.dataset.csrf || "";
  }

  async function send(method, url, body) {
    const response = await fetch(url, {
      method: method,
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "X-CSRF-Token": csrf(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      throw new Error(data.error || ("HTTP " + response.status));
    }
    return data;
  }

  return { csrf: csrf, send: send };
})();
