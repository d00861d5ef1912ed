/* iconkit gallery: progressive enhancements. Every page works without this file.
   - index: search as you type, category filter, result count announced (debounced)
   - every page: the chosen background and size are remembered
   - icon pages: copy buttons (Clipboard API, falling back to selecting the text) */
(function () {
  "use strict";

  var root = document.documentElement;

  function remember(key, value) {
    try { window.localStorage.setItem("iconkit-gallery-" + key, value); } catch (e) { /* storage off */ }
  }

  function recall(key) {
    try { return window.localStorage.getItem("iconkit-gallery-" + key); } catch (e) { return null; }
  }

  function choice(name, apply) {
    var stored = recall(name);
    var radios = document.querySelectorAll('input[type="radio"][name="' + name + '"]');
    for (var i = 0; i < radios.length; i++) {
      if (stored !== null && radios[i].value === stored) { radios[i].checked = true; }
      radios[i].addEventListener("change", function (event) {
        remember(name, event.target.value);
        apply(event.target.value);
      });
    }
    if (stored !== null) { apply(stored); }
  }

  choice("theme", function (value) { root.setAttribute("data-theme", value); });
  choice("size", function () { /* CSS follows the checked radio */ });

  function enhanceSearch() {
    var grid = document.getElementById("grid");
    var search = document.getElementById("search");
    var category = document.getElementById("category");
    var count = document.getElementById("count");
    var empty = document.getElementById("empty");
    var form = document.getElementById("controls");
    if (!grid || !search || !category || !count || !empty || !form) { return; }

    var hidden = document.querySelectorAll(".js-only[hidden]");
    for (var h = 0; h < hidden.length; h++) { hidden[h].hidden = false; }

    // The index is read once: lower-case text per cell, its category, whether it shows.
    var items = grid.children;
    var total = items.length;
    var text = new Array(total);
    var group = new Array(total);
    var shown = new Array(total);
    for (var i = 0; i < total; i++) {
      text[i] = items[i].getAttribute("data-search") || "";
      group[i] = items[i].getAttribute("data-category") || "";
      shown[i] = !items[i].hidden;
    }

    // Showing a cell costs far more than hiding one (Chromium lays the SVG out again): on
    // 2,176 icons, showing 300 new cells took 150-200 ms, 96 about 70 ms. So at most LIMIT
    // cells (a few screens) show at once; a button shows the rest of a long result.
    var LIMIT = 96;
    var expanded = false;
    var lastQuery = "";
    var more = document.getElementById("more");
    var announceTimer = 0;
    var lastAnnounced = count.textContent;

    function plural(n) { return n === 1 ? "icon" : "icons"; }

    function announce(matches, filtered, capped) {
      var message = filtered ? matches + " of " + total + " " + plural(total) + " shown"
        : total + " " + plural(total);
      if (capped) {
        message = (filtered ? matches + " of " + total + " icons match" : total + " icons") +
          ", the first " + LIMIT + " shown";
      }
      window.clearTimeout(announceTimer);
      // Wait for a pause in typing so a screen reader says the count once, not per key.
      announceTimer = window.setTimeout(function () {
        if (message !== lastAnnounced) {
          count.textContent = message;
          lastAnnounced = message;
        }
        remember();  // the address keeps the search, for the back button, once typing pauses
      }, 350);
    }

    function apply() {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      var wanted = category.value;
      var query = words.join(" ") + "\u0000" + wanted;
      if (query !== lastQuery) { expanded = false; lastQuery = query; }
      var matches = 0;
      for (var i = 0; i < total; i++) {
        var match = wanted === "" || group[i] === wanted;
        for (var w = 0; match && w < words.length; w++) {
          match = text[i].indexOf(words[w]) !== -1;
        }
        if (match) { matches++; }
        var show = match && (expanded || matches <= LIMIT);
        // Touch only the cells that change: no work, no style invalidation for the rest.
        if (show !== shown[i]) {
          items[i].hidden = !show;
          shown[i] = show;
        }
      }
      var capped = !expanded && matches > LIMIT;
      empty.hidden = matches !== 0;
      if (more) {
        more.hidden = !capped;
        if (capped) { more.textContent = "Show all " + matches + " " + plural(matches); }
      }
      announce(matches, words.length > 0 || wanted !== "", capped);
    }

    function remember() {
      var params = new URLSearchParams();
      if (search.value) { params.set("q", search.value); }
      if (category.value) { params.set("category", category.value); }
      var address = params.toString();
      try {
        window.history.replaceState(null, "", address ? "?" + address : window.location.pathname);
      } catch (e) { /* some file:// setups refuse; the search still works */ }
    }

    if (more) {
      more.addEventListener("click", function () {
        expanded = true;
        apply();
        // The button is gone: focus the first cell it revealed.
        var seen = 0;
        for (var i = 0; i < total; i++) {
          if (shown[i] && ++seen === LIMIT + 1) { items[i].querySelector("a").focus(); break; }
        }
      });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    grid.addEventListener("click", remember);  // leaving before the pause: keep the search too
    search.addEventListener("input", apply);
    category.addEventListener("change", apply);

    // Coming back from an icon page keeps the search.
    var initial = new URLSearchParams(window.location.search);
    search.value = initial.get("q") || "";
    category.value = initial.get("category") || "";
    if (search.value || category.value || total > LIMIT) { apply(); }
  }

  function enhanceCopy() {
    var buttons = document.querySelectorAll("button[data-copy]");
    var status = document.getElementById("copy-status");
    if (!buttons.length || !status) { return; }

    function say(message) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }

    function fallback(area, what) {
      area.focus();
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
      if (copied) {
        say("Copied the " + what + ".");
      } else {
        say("Selected the " + what + ": press Control+C (Command+C on a Mac) to copy it.");
      }
    }

    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function (event) {
        var button = event.currentTarget;
        var area = document.getElementById(button.getAttribute("data-copy"));
        var what = area.labels && area.labels.length ? area.labels[0].textContent.toLowerCase() : "text";
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(area.value).then(
            function () { say("Copied the " + what + "."); },
            function () { fallback(area, what); }
          );
        } else {
          fallback(area, what);
        }
      });
    }
  }

  function enhancePreview() {
    var grid = document.getElementById("grid");
    var ink = document.getElementById("ink");
    var reset = document.getElementById("ink-reset");
    var stroke = document.getElementById("stroke");
    var strokeValue = document.getElementById("stroke-value");
    if (!grid || !ink || !reset) { return; }
    ink.addEventListener("input", function () {
      grid.style.setProperty("--icon-ink", ink.value);
      grid.setAttribute("data-ink", "");
    });
    reset.addEventListener("click", function () {
      grid.removeAttribute("data-ink");
      grid.style.removeProperty("--icon-ink");
    });
    if (stroke && strokeValue) {
      stroke.addEventListener("input", function () {
        grid.style.setProperty("--icon-stroke", stroke.value);
        grid.setAttribute("data-stroke", "");
        strokeValue.textContent = stroke.value + " px";
      });
    }
  }

  enhanceSearch();
  enhancePreview();
  enhanceCopy();
})();
