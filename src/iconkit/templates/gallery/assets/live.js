/* iconkit serve: reload the page when the gallery is rebuilt; show a failed build. */
(function () {
  "use strict";
  var build = document.documentElement.getAttribute("data-build") || "";
  var box = document.getElementById("live-error");

  function poll() {
    fetch("/__iconkit/state", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (state.error) {
          if (box) {
            box.textContent = "The gallery could not be rebuilt; showing the last good build.\n" + state.error;
            box.hidden = false;
          }
        } else if (state.build && state.build !== build) {
          window.location.reload();
          return;
        } else if (box) {
          box.hidden = true;
        }
      })
      .catch(function () { /* the server is restarting; try again */ })
      .then(function () { window.setTimeout(poll, 500); });
  }

  poll();
})();
