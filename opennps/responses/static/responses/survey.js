/* Optional enhancement of the survey page; everything works without it.
   - a chosen score is sent with fetch and the follow-up replaces the page (no reload),
   - a second tap while sending is ignored,
   - long answers show how far over the limit they are. */
(function () {
  "use strict";

  function counters() {
    var boxes = document.querySelectorAll("textarea[data-limit]");
    Array.prototype.forEach.call(boxes, function (box) {
      var limit = parseInt(box.getAttribute("data-limit"), 10);
      var note = document.createElement("p");
      note.className = "counter";
      note.setAttribute("aria-live", "polite");
      box.insertAdjacentElement("afterend", note);
      function update() {
        note.textContent = box.value.length > limit ? box.value.length + " / " + limit : "";
      }
      box.addEventListener("input", update);
      update();
    });
  }

  function show(html, url) {
    var page = new DOMParser().parseFromString(html, "text/html");
    if (!page.body || !page.querySelector("main")) {
      window.location.assign(url);
      return;
    }
    document.documentElement.lang = page.documentElement.lang;
    document.title = page.title;
    document.body.replaceWith(document.importNode(page.body, true));
    if (url !== window.location.href) {
      window.history.pushState(null, "", url);
    }
    var heading = document.querySelector("main h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
    enhance();
  }

  function enhanceScores(form) {
    var sending = false;
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || button.name !== "score") {
        return; // an unknown submitter: let the browser post the form itself
      }
      event.preventDefault();
      if (sending) {
        return;
      }
      sending = true;
      form.setAttribute("aria-busy", "true");
      button.classList.add("is-chosen");
      var data = new FormData(form);
      data.append("score", button.value);
      fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (response) {
          return response.text().then(function (html) { show(html, response.url); });
        })
        .catch(function () {
          // Network trouble: fall back to a plain post of the same score.
          var field = document.createElement("input");
          field.type = "hidden";
          field.name = "score";
          field.value = button.value;
          form.appendChild(field);
          form.submit();
        });
    });
  }

  // A score chosen in an e-mail (?score=9): the GET stored nothing (mail scanners open every
  // link), so the page sends the score now, as if its confirm button had been pressed.
  function autosubmit(form) {
    var confirm = form.querySelector("button[data-confirm]");
    if (confirm && document.visibilityState !== "hidden") {
      confirm.click();
    }
  }

  function enhance() {
    var form = document.querySelector("form[data-enhance=score]");
    if (form && window.fetch && window.FormData && window.DOMParser) {
      enhanceScores(form);
    }
    if (form && form.hasAttribute("data-autosubmit")) {
      autosubmit(form);
    }
    counters();
  }

  window.addEventListener("popstate", function () { window.location.reload(); });
  enhance();
})();
