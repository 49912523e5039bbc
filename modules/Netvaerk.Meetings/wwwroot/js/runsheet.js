// The live run-sheet (/moeder/{id}/afvikling): a countdown from the server's "ends at" (corrected by the server's clock),
// the meeting's hub for live changes, and the runner's buttons sent through the hub. Without this file the page still
// works: the server renders the state and the buttons are ordinary forms.
(function () {
  "use strict";
  var root = document.getElementById("afvikling");
  if (!root) { return; }

  var offset = 0;          // server clock − browser clock, in milliseconds
  var endsAt = null;       // Date.parse of the current phase's end, or null
  var shown = "";          // "warning" or "over" once announced for this phase
  var connection = null;
  var warningMs = 2 * 60 * 1000;

  function data(name) { return root.getAttribute("data-" + name) || ""; }

  function readRoot() {
    var now = Date.parse(data("server-now"));
    if (!isNaN(now)) { offset = now - Date.now(); }
    var ends = Date.parse(data("ends-at"));
    endsAt = isNaN(ends) ? null : ends;
    shown = root.classList.contains("runsheet-over") ? "over" : root.classList.contains("runsheet-warning") ? "warning" : "";
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function tick() {
    if (endsAt === null) { return; }
    var left = endsAt - (Date.now() + offset);
    var seconds = Math.ceil(Math.abs(left) / 1000);
    var text = pad(Math.floor(seconds / 60)) + ":" + pad(seconds % 60);
    var countdown = root.querySelector("[data-countdown]");
    if (countdown) { countdown.textContent = left < 0 ? "+" + text : text; }
    var state = left <= 0 ? "over" : left <= warningMs ? "warning" : "";
    root.classList.toggle("runsheet-over", state === "over");
    root.classList.toggle("runsheet-warning", state === "warning");
    // Announced once when the phase enters the warning and once when time is up, never every second.
    if (state && state !== shown) {
      shown = state;
      var alert = root.querySelector("[data-alert]");
      if (alert) { alert.textContent = data(state === "over" ? "over-text" : "warning-text"); }
    }
  }

  function announce(text) {
    var region = document.querySelector("[data-announce]");
    if (region) { region.textContent = text; }
  }

  // A change: the server renders the page again (buttons, texts, agenda), and the run-sheet part is swapped in.
  var loading = null;
  function refresh() {
    // One reload at a time; a change that arrives meanwhile is in the page that comes back, or checked after it.
    if (loading) { return loading; }
    loading = load().then(function () { loading = null; }, function () { loading = null; });
    return loading;
  }

  function load() {
    var hadFocus = root.contains(document.activeElement);
    return fetch(window.location.pathname, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html").getElementById("afvikling");
        if (!next) { return; }
        var before = data("position") + "/" + data("status");
        root.replaceWith(next);
        root = next;
        readRoot();
        tick();
        if (data("position") + "/" + data("status") !== before) {
          var heading = root.querySelector("#runsheet-now-heading");
          if (heading) { announce(data("phase-text").replace("{0}", heading.textContent.trim())); }
          if (hadFocus && heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
        }
      })
      .catch(function () { /* the next state message or a reload catches up */ });
  }

  function apply(state) {
    if (!state) { return; }
    var changed = String(state.position) !== data("position") || state.status !== data("status") || (state.endsAt || "") !== data("ends-at");
    if (changed) { refresh(); }
  }

  function join() {
    return connection.invoke("Join", data("meeting")).then(apply);
  }

  function connect() {
    if (!window.signalR) { return; }
    connection = new window.signalR.HubConnectionBuilder().withUrl(data("hub")).withAutomaticReconnect().build();
    connection.on("state", apply);
    // After a dropped connection the group is gone: join again and catch up on what happened meanwhile.
    connection.onreconnected(join);
    connection.start().then(join).catch(function () { connection = null; });
  }

  // The runner's buttons go through the hub when it is connected; else the form posts as usual.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-run-form") || !connection || connection.state !== "Connected") { return; }
    var button = event.submitter;
    if (!button || button.name !== "handling") { return; }
    event.preventDefault();
    var from = parseInt(form.querySelector("input[name=fra]").value, 10);
    button.disabled = true;
    connection.invoke("Act", data("meeting"), button.value, from)
      .then(function (state) { apply(state); })
      .catch(function () {
        var input = document.createElement("input");
        input.type = "hidden"; input.name = "handling"; input.value = button.value;
        form.appendChild(input);
        form.submit();
      });
  });

  readRoot();
  tick();
  window.setInterval(tick, 1000);
  connect();
})();
