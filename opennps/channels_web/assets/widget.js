/* OpenNPS website widget. One <script> tag; styles live in a shadow root so the host page's CSS
   and ours never meet. Only the server decides whether a visitor may be asked (throttling); the
   localStorage hint just saves a request when it already said "not before". No cookies. */
(function () {
  "use strict";
  var C = __OPENNPS_CONFIG__;
  var w = window, d = document;
  if (w.OpenNPS && w.OpenNPS.loaded) return;
  var tag = d.currentScript || {};
  var data = tag.dataset || {};
  var prefix = "opennps:" + C.endpoint + ":";
  var host = null, busy = false;

  function load(name) { try { return w.localStorage.getItem(prefix + name); } catch (e) { return null; } }
  function save(name, value) { try { w.localStorage.setItem(prefix + name, value); } catch (e) { /* private mode */ } }

  function browserId() {
    var id = load("browser");
    if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
      var bytes = new Uint8Array(18);
      w.crypto.getRandomValues(bytes);
      id = btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, "-").replace(/\//g, "_");
      save("browser", id);
    }
    return id;
  }

  function post(path, body) {
    return fetch(C.endpoint + "/" + path, {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) { if (!r.ok) throw j; return j; });
    });
  }

  function language(wanted) {
    var codes = Object.keys(C.texts);
    var asked = String(wanted || data.language || d.documentElement.lang || navigator.language || "").toLowerCase();
    var base = asked.split("-")[0];
    for (var i = 0; i < codes.length; i++) { if (codes[i] === asked) return codes[i]; }
    for (i = 0; i < codes.length; i++) { if (codes[i].split("-")[0] === base) return codes[i]; }
    return C.language;
  }

  function el(name, cls, text, parent) {
    var node = d.createElement(name);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  var CSS = ":host{all:initial}" +
    ".box{position:fixed;z-index:2147483000;box-sizing:border-box;width:min(30rem,calc(100vw - 2rem));background:#fff;color:#1a1a1a;" +
    "font:16px/1.4 system-ui,sans-serif;padding:1.25rem;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25)}" +
    ".slide{right:1rem;bottom:1rem;animation:in .3s ease-out}" +
    ".modal{left:50%;top:50%;transform:translate(-50%,-50%)}" +
    ".shade{position:fixed;inset:0;z-index:2147482999;background:rgba(0,0,0,.4)}" +
    "@keyframes in{from{transform:translateY(120%)}}" +
    "h2{font-size:1.05rem;margin:0 2rem .9rem 0;font-weight:600}" +
    ".x{position:absolute;top:.5rem;right:.5rem;border:0;background:none;font-size:1.5rem;cursor:pointer;color:#555;min-width:44px;min-height:44px}" +
    ".scale{display:grid;grid-template-columns:repeat(11,1fr);gap:4px}" +
    ".scale button{min-height:44px;padding:0;border:1px solid #bbb;border-radius:6px;background:#fff;font:inherit;cursor:pointer;color:inherit}" +
    ".scale button:hover,.scale button:focus-visible{background:var(--a);color:#fff;border-color:var(--a)}" +
    ".ends{display:flex;justify-content:space-between;font-size:.8rem;color:#555;margin:.4rem 0 0}" +
    "textarea{box-sizing:border-box;width:100%;min-height:5rem;font:inherit;padding:.5rem;border:1px solid #bbb;border-radius:6px}" +
    ".row{display:flex;gap:.5rem;justify-content:flex-end;margin-top:.6rem}" +
    ".row button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid var(--a);cursor:pointer;background:#fff;color:var(--a)}" +
    ".row .go{background:var(--a);color:#fff}" +
    "@media (max-width:30rem){.scale{grid-template-columns:repeat(6,1fr)}}";

  function close() {
    if (host) host.remove();
    host = null;
  }

  function render(options, ticket) {
    var lang = language(options.language);
    var t = C.texts[lang] || C.texts[C.language];
    host = el("div");
    host.setAttribute("data-opennps", "");
    var root = host.attachShadow({mode: "open"});
    el("style", "", CSS, root);
    if (C.position === "modal") el("div", "shade", "", root);
    var box = el("div", "box " + C.position, "", root);
    box.style.setProperty("--a", C.accent);
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", t.question);
    var x = el("button", "x", "\u00d7", box);
    x.setAttribute("aria-label", t.close);
    x.onclick = close;
    var body = el("div", "", "", box);
    var followup = "";

    function thanks(kind) {
      body.textContent = "";
      el("h2", "", t["thanks_" + kind] || t.thanks_passive, body).setAttribute("role", "status");
      setTimeout(close, 4000);
    }

    function comment(kind) {
      body.textContent = "";
      var label = el("label", "", "", body);
      el("h2", "", t["followup_" + kind], label);
      var area = el("textarea", "", "", label);
      area.maxLength = 5000;
      var row = el("div", "row", "", body);
      el("button", "", t.skip, row).onclick = function () { thanks(kind); };
      el("button", "go", t.send, row).onclick = function () {
        post("comment", {followup: followup, comment: area.value}).then(function () { thanks(kind); }, function () { thanks(kind); });
      };
      area.focus();
    }

    el("h2", "", t.question, body);
    var scale = el("div", "scale", "", body);
    var sent = false;
    for (var n = 0; n <= 10; n++) {
      (function (score) {
        var b = el("button", "", String(score), scale);
        b.type = "button";
        b.value = score;
        b.setAttribute("aria-label", t.score.replace("%(score)s", score));
        b.onclick = function () {
          if (sent) return;
          sent = true;
          post("answer", {
            score: score,
            ticket: ticket,
            browserId: browserId(),
            language: lang,
            attributes: options.attributes || {}
          }).then(function (j) {
            if (!ticket) save("until:anonymous", new Date(Date.now() + C.repeatDays * 864e5).toISOString());
            followup = j.followup;
            comment(j["class"]);
          }, function () { thanks("passive"); });
        };
      })(n);
    }
    var ends = el("p", "ends", "", body);
    el("span", "", "0 = " + t.label_low, ends);
    el("span", "", "10 = " + t.label_high, ends);
    d.body.appendChild(host);
  }

  function show(options) {
    options = options || {};
    var userId = options.userId || data.userId || "";
    var who = userId ? "until:user:" + userId : "until:anonymous";
    var until = load(who);
    if (host || busy || (until && Date.parse(until) > Date.now())) return Promise.resolve(false);
    busy = true;
    return post("eligibility", {userId: String(userId), browserId: browserId()}).then(function (j) {
      busy = false;
      if (j.askAgainAt) save(who, j.askAgainAt);
      if (j.show) render(options, j.ticket);
      return j.show;
    }, function () { busy = false; return false; });
  }

  function pageMatches() {
    if (!C.patterns.length) return true;
    for (var i = 0; i < C.patterns.length; i++) { if (w.location.href.indexOf(C.patterns[i]) >= 0) return true; }
    return false;
  }

  function exitIntent(event) {
    if (!event.relatedTarget && event.clientY <= 0) {
      d.removeEventListener("mouseout", exitIntent);
      show();
    }
  }

  w.OpenNPS = {loaded: true, show: show, close: close};
  if (C.trigger !== "manual" && pageMatches()) {
    if (C.trigger === "exit") d.addEventListener("mouseout", exitIntent);
    else setTimeout(show, C.delay * 1000);
  }
})();
