/* Kiosk helpers: ignore a second tap while the score is sent, offer full screen, and take an
   abandoned page back to the question so the next person never sees someone else's answer. */
(function () {
  "use strict";
  var body = document.body;
  var form = document.querySelector("[data-kiosk-score]");
  if (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.sending) event.preventDefault();
      form.dataset.sending = "1";
    });
  }
  var full = document.querySelector("[data-fullscreen]");
  if (full && document.documentElement.requestFullscreen && !document.fullscreenElement) {
    full.hidden = false;
    full.addEventListener("click", function () {
      document.documentElement.requestFullscreen().then(function () { full.hidden = true; }, function () {});
    });
  }
  var idle = parseInt(body.dataset.idleSeconds || "0", 10);
  var start = body.dataset.startUrl;
  if (idle > 0 && start && !form && !document.querySelector("meta[http-equiv=refresh]")) {
    var timer;
    var arm = function () {
      clearTimeout(timer);
      timer = setTimeout(function () { window.location.replace(start); }, idle * 1000);
    };
    ["pointerdown", "keydown", "input"].forEach(function (name) { document.addEventListener(name, arm); });
    arm();
  }
})();
