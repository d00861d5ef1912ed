/* iconkit gallery: progressive enhancements. Every page works without this file.
   - every page: the view (background, size, colour, stroke width, language of the labels)
     comes from the address (?bg=&size=&ink=&stroke=&lang=), falling back to the last
     background and size chosen, and every link to another gallery page carries it, so a
     link shares what you see
   - index: search as you type over grid.js (title, name, aliases, tags, category,
     description; ranked, forgiving one typo), category filter, cells drawn as they are shown (drawings from grid/N.js, loaded
     as cells come into view), the count announced once typing pauses, a checkbox per cell
     to pick icons across searches (kept for the tab's visit), zips (SVG and/or PNG at the chosen size and colour) of
     the picked icons, of the icons shown or of every icon
   - icon pages: previews, snippets and downloads follow the view; copy buttons; SVG and
     PNG made here, so downloads work from the file system
   - coverage page: filters by rule, severity and icon name
   - labels (index and icon pages): icons' titles (from labels/LANG.js) and an icon page's
     description in the chosen language, each marked with its language; one with no
     translation shows the source text marked with the source language. The index's search
     matches the chosen titles too */
(function () {
  "use strict";

  var root = document.documentElement;
  var VIEW = ["bg", "size", "ink", "stroke", "lang"];
  var INK = /^#[0-9a-f]{6}$/;

  function remember(key, value) {
    try { window.localStorage.setItem("iconkit-gallery-" + key, value); } catch (e) { /* storage off */ }
  }

  function recall(key) {
    try { return window.localStorage.getItem("iconkit-gallery-" + key); } catch (e) { return null; }
  }

  // --- the view, kept in the address ---------------------------------------------------------

  var address = new URLSearchParams(window.location.search);
  var view = {
    bg: address.get("bg") || recall("theme") || "",
    size: address.get("size") || recall("size") || "",
    ink: (address.get("ink") || "").toLowerCase(),
    stroke: address.get("stroke") || "",
    lang: address.get("lang") || ""
  };
  if (!/^(light|dark|contrast)$/.test(view.bg)) { view.bg = ""; }
  if (!/^\d{1,3}$/.test(view.size) || +view.size < 8 || +view.size > 512) { view.size = ""; }
  if (!INK.test(view.ink)) { view.ink = ""; }
  if (!/^\d(\.\d{1,2})?$/.test(view.stroke) || +view.stroke <= 0) { view.stroke = ""; }
  // The languages with labels, besides the source language (see labels below).
  var LANGUAGES = (root.getAttribute("data-labels") || "").split(" ").filter(Boolean);
  if (LANGUAGES.indexOf(view.lang) === -1) { view.lang = ""; }
  var listeners = [];
  var extra = {};  // other parameters of this page's address (the index's search)

  function viewQuery() {
    var params = new URLSearchParams();
    for (var i = 0; i < VIEW.length; i++) {
      if (view[VIEW[i]]) { params.set(VIEW[i], view[VIEW[i]]); }
    }
    return params.toString();
  }

  function linkTo(base) {
    // base: a page's own link, maybe with its query ("../index.html?q=bell").
    var query = viewQuery();
    if (!query) { return base; }
    return base + (base.indexOf("?") === -1 ? "?" : "&") + query;
  }

  function carryLinks(scope) {
    // The grid's cells are the index's to keep (see draw).
    var links = (scope || document).querySelectorAll("a[href]:not(#grid a)");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var base = a.getAttribute("data-base");
      if (base === null) {
        base = a.getAttribute("href");
        // Only links to the gallery's own pages; downloads and anchors stay as they are.
        if (!/^[^:#]*\.html(\?[^#]*)?$/.test(base)) { continue; }
        a.setAttribute("data-base", base);
      }
      a.setAttribute("href", linkTo(base));
    }
  }

  function writeAddress() {
    var params = new URLSearchParams();
    Object.keys(extra).forEach(function (key) { if (extra[key]) { params.set(key, extra[key]); } });
    var query = viewQuery();
    var text = params.toString() + (params.toString() && query ? "&" : "") + query;
    try {
      window.history.replaceState(null, "", text ? "?" + text : window.location.pathname);
    } catch (e) { /* some file:// setups refuse; the page still works */ }
  }

  function setView(key, value) {
    if (view[key] === value) { return; }
    view[key] = value;
    if (key === "bg" && value) { remember("theme", value); }
    if (key === "size" && value) { remember("size", value); }
    applyView();
    carryLinks();
    writeAddress();
  }

  function applyView() {
    if (view.bg) { root.setAttribute("data-theme", view.bg); }
    if (view.ink) {
      root.style.setProperty("--icon-ink", view.ink);
      root.setAttribute("data-ink", "");
    } else {
      root.style.removeProperty("--icon-ink");
      root.removeAttribute("data-ink");
    }
    if (view.stroke) {
      root.style.setProperty("--icon-stroke", view.stroke);
      root.setAttribute("data-stroke", "");
    } else {
      root.style.removeProperty("--icon-stroke");
      root.removeAttribute("data-stroke");
    }
    for (var i = 0; i < listeners.length; i++) { listeners[i](); }
  }

  function viewControls() {
    // Radios (index: size, theme) and the colour, stroke and size fields (both pages).
    var radios = document.querySelectorAll('input[type="radio"][name="size"], input[type="radio"][name="theme"]');
    for (var i = 0; i < radios.length; i++) {
      var key = radios[i].name === "theme" ? "bg" : "size";
      if (view[key] && radios[i].value === view[key]) { radios[i].checked = true; }
      radios[i].addEventListener("change", function (event) {
        setView(event.target.name === "theme" ? "bg" : "size", event.target.value);
      });
    }
    var ink = document.getElementById("ink");
    var inkReset = document.getElementById("ink-reset");
    if (ink) {
      if (view.ink) { ink.value = view.ink; }
      ink.addEventListener("input", function () { setView("ink", ink.value.toLowerCase()); });
      if (inkReset) {
        inkReset.addEventListener("click", function () { ink.value = "#1b1b1f"; setView("ink", ""); });
      }
    }
    var stroke = document.getElementById("stroke");
    var strokeValue = document.getElementById("stroke-value");
    var strokeReset = document.getElementById("stroke-reset");
    if (stroke && strokeValue) {
      var showStroke = function () {
        strokeValue.textContent = view.stroke ? view.stroke + " px" : "as drawn";
      };
      if (view.stroke) { stroke.value = view.stroke; }
      showStroke();
      stroke.addEventListener("input", function () { setView("stroke", stroke.value); showStroke(); });
      if (strokeReset) {
        strokeReset.addEventListener("click", function () { stroke.value = "2"; setView("stroke", ""); showStroke(); });
      }
    }
    var px = document.getElementById("px");
    if (px) {
      if (view.size) {
        if (!px.querySelector('option[value="' + view.size + '"]')) {
          var option = document.createElement("option");
          option.value = view.size;
          option.textContent = view.size + " px";
          px.appendChild(option);
        }
        px.value = view.size;
      }
      px.addEventListener("change", function () { setView("size", px.value); });
    }
  }

  // --- SVG text for the chosen view ---------------------------------------------------------

  function openTag(svg) {
    var start = svg.indexOf("<svg");
    return [start, svg.indexOf(">", start)];
  }

  function setAttr(tag, name, value) {
    var pattern = new RegExp("(\\s" + name + ')="[^"]*"');
    if (pattern.test(tag)) { return tag.replace(pattern, "$1=\"" + value + "\""); }
    return tag + " " + name + "=\"" + value + "\"";
  }

  // The SVG file as the view has it: width and height at the size, the colour for
  // currentColor, the stroke width on the root (inherited as in the previews).
  function customSvg(svg, size) {
    var at = openTag(svg);
    var tag = svg.slice(at[0], at[1]);
    tag = setAttr(setAttr(tag, "width", size), "height", size);
    if (view.stroke && / stroke-width="/.test(tag)) { tag = setAttr(tag, "stroke-width", view.stroke); }
    var out = svg.slice(0, at[0]) + tag + svg.slice(at[1]);
    if (view.ink) { out = out.replace(/currentColor/g, view.ink); }
    return out;
  }

  function viewStyle() {
    var parts = [];
    if (view.ink) { parts.push("color:" + view.ink); }
    if (view.stroke) { parts.push("stroke-width:" + view.stroke); }
    return parts.join(";");
  }

  function pngBlob(svg, size) {
    return new Promise(function (resolve, reject) {
      var image = new Image();
      image.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = size;
        canvas.height = size;
        canvas.getContext("2d").drawImage(image, 0, 0, size, size);
        canvas.toBlob(function (blob) { if (blob) { resolve(blob); } else { reject(new Error("no PNG")); } }, "image/png");
      };
      image.onerror = function () { reject(new Error("the SVG did not load")); };
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(customSvg(svg, size));
    });
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  // --- a small zip writer: stored entries, fixed times, the given order ----------------------

  var CRC = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) { c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; }
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(bytes) {
    var c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) { c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8); }
    return (c ^ 0xffffffff) >>> 0;
  }

  function zipBlob(files) {
    // files: [{name, bytes}]. Every entry dated 1980-01-01 00:00, so one input, one zip.
    var encoder = new TextEncoder();
    var parts = [];
    var central = [];
    var offset = 0;
    function header(size) { return { view: new DataView(new ArrayBuffer(size)), size: size }; }
    files.forEach(function (file) {
      var name = encoder.encode(file.name);
      var crc = crc32(file.bytes);
      var local = header(30);
      var v = local.view;
      v.setUint32(0, 0x04034b50, true); v.setUint16(4, 20, true); v.setUint16(6, 0x0800, true);
      v.setUint16(8, 0, true); v.setUint16(10, 0, true); v.setUint16(12, 33, true);
      v.setUint32(14, crc, true); v.setUint32(18, file.bytes.length, true);
      v.setUint32(22, file.bytes.length, true); v.setUint16(26, name.length, true); v.setUint16(28, 0, true);
      parts.push(v.buffer, name, file.bytes);
      var entry = header(46);
      var e = entry.view;
      e.setUint32(0, 0x02014b50, true); e.setUint16(4, 20, true); e.setUint16(6, 20, true);
      e.setUint16(8, 0x0800, true); e.setUint16(10, 0, true); e.setUint16(12, 0, true);
      e.setUint16(14, 33, true); e.setUint32(16, crc, true); e.setUint32(20, file.bytes.length, true);
      e.setUint32(24, file.bytes.length, true); e.setUint16(28, name.length, true);
      e.setUint32(42, offset, true);
      central.push(e.buffer, name);
      offset += 30 + name.length + file.bytes.length;
    });
    var size = central.reduce(function (sum, part) { return sum + part.byteLength; }, 0);
    var end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, files.length, true); end.setUint16(10, files.length, true);
    end.setUint32(12, size, true); end.setUint32(16, offset, true);
    return new Blob(parts.concat(central, [end.buffer]), { type: "application/zip" });
  }

  // --- copy, with the button saying so -------------------------------------------------------

  var status = null;

  function say(message) {
    if (!status) { return; }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function copied(button, what) {
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = "Copied";
    say("Copied the " + what + ".");
    window.clearTimeout(button._restore);
    button._restore = window.setTimeout(function () { button.textContent = label; }, 2000);
  }

  function enhanceCopy() {
    status = document.getElementById("copy-status");
    var buttons = document.querySelectorAll("button[data-copy]");
    if (!buttons.length || !status) { return; }

    function fallback(button, area, what) {
      area.focus();
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      if (done) {
        copied(button, what);
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
            function () { copied(button, what); },
            function () { fallback(button, area, what); }
          );
        } else {
          fallback(button, area, what);
        }
      });
    }
  }

  // --- icon pages ----------------------------------------------------------------------------

  function enhanceIconPage() {
    var source = document.getElementById("snippet-svg");
    var macro = document.getElementById("snippet-macro");
    var html = document.getElementById("snippet-html");
    if (!source || !macro || !html) { return; }
    var look = document.getElementById("look");
    if (look) {
      look.hidden = false;
      look.addEventListener("submit", function (event) { event.preventDefault(); });
    }
    var slug = source.getAttribute("data-slug");
    var svg = source.value;
    var macroText = macro.value;
    var htmlText = html.value;
    var pngSize = document.querySelector(".png-size");

    function size() { return +(view.size || 24); }

    function update() {
      var options = "label=true";
      if (view.size && size() !== 24) { options += ", size=" + size(); }
      var style = viewStyle();
      if (style) { options += ", attrs={\"style\": \"" + style + "\"}"; }
      macro.value = macroText.replace("label=true", options);
      var at = openTag(htmlText);
      var tag = htmlText.slice(at[0], at[1]);
      tag = setAttr(setAttr(tag, "width", size()), "height", size());
      if (style) { tag += " style=\"" + style + "\""; }
      html.value = htmlText.slice(0, at[0]) + tag + htmlText.slice(at[1]);
      source.value = customSvg(svg, size());
      if (pngSize) { pngSize.textContent = String(size()); }
    }
    listeners.push(update);

    function downloadPng(px, name) {
      pngBlob(svg, px).then(function (blob) { save(blob, name); }, function (error) { say("No PNG: " + error.message); });
    }

    var made = document.querySelector(".downloads-made");
    if (made) { made.hidden = false; }
    var svgButton = document.getElementById("download-svg");
    var pngButton = document.getElementById("download-png");
    if (svgButton) {
      svgButton.addEventListener("click", function () {
        save(new Blob([customSvg(svg, size()) + "\n"], { type: "image/svg+xml" }), slug + ".svg");
      });
    }
    if (pngButton) {
      pngButton.addEventListener("click", function () { downloadPng(size(), slug + "-" + size() + ".png"); });
    }
    // The plain links: made here too, since a file:// page cannot download another file.
    var links = document.querySelectorAll(".downloads a[download]");
    for (var i = 0; i < links.length; i++) {
      links[i].addEventListener("click", function (event) {
        var a = event.currentTarget;
        var name = a.getAttribute("download");
        event.preventDefault();
        if (/\.svg$/.test(name)) {
          save(new Blob([customSvg(svg, size()) + "\n"], { type: "image/svg+xml" }), name);
        } else {
          downloadPng(/@2x/.test(a.getAttribute("href")) ? 48 : 24, name);
        }
      });
    }
    var copyPng = document.querySelector("button[data-copy-png]");
    if (copyPng && window.ClipboardItem && navigator.clipboard && navigator.clipboard.write) {
      copyPng.hidden = false;
      copyPng.addEventListener("click", function () {
        var item = new window.ClipboardItem({ "image/png": pngBlob(svg, size()) });
        navigator.clipboard.write([item]).then(
          function () { copied(copyPng, "PNG, " + size() + " px"); },
          function () { say("This browser did not let the page copy an image; download the PNG instead."); }
        );
      });
    }
  }

  // --- labels in the chosen language ---------------------------------------------------------

  // labels/LANG.js sets window.iconkitLabels[LANG]: per icon, its translated title. A script
  // element loads it, as fetch cannot from the file system. An icon page's description carries
  // its own translations (data-text-LANG).
  var SOURCE_LANG = root.getAttribute("data-source-lang") || "en";
  var scriptUrl = document.currentScript ? document.currentScript.src : "";
  var waiting = {};  // language -> callbacks waiting for its table
  var labelListeners = [];  // told of each table shown (null: the source language)
  var labelled = "";  // the language the labels are shown in

  function labelTable(lang, then) {
    var tables = window.iconkitLabels || {};
    if (tables[lang]) { then(tables[lang]); return; }
    if (waiting[lang]) { waiting[lang].push(then); return; }
    waiting[lang] = [then];
    function done() {
      var callbacks = waiting[lang];
      delete waiting[lang];
      var table = (window.iconkitLabels || {})[lang] || {};
      for (var i = 0; i < callbacks.length; i++) { callbacks[i](table); }
    }
    var script = document.createElement("script");
    script.src = new URL("../labels/" + lang + ".js", scriptUrl).href;
    script.onload = done;
    script.onerror = done;  // no file: every label stays in the source language, marked
    document.head.appendChild(script);
  }

  // Show an icon's title (from table) or description (from el) in the chosen language.
  function showLabel(el, slug, field, table) {
    if (el._source === undefined) { el._source = el.textContent; }
    var text = null;
    if (view.lang && field === "description") {
      text = el.getAttribute("data-text-" + view.lang.toLowerCase().replace(/_/g, "-"));
    } else if (view.lang && table) {
      text = table[slug];
    }
    el.textContent = text || el._source;
    if (view.lang) {
      el.setAttribute("lang", text ? view.lang.replace(/_/g, "-") : SOURCE_LANG);
    } else {
      el.removeAttribute("lang");
    }
  }

  function showLabels() {
    var lang = view.lang;
    labelled = lang;
    function show(table) {
      if (lang !== view.lang) { return; }  // another language was chosen meanwhile
      var marked = document.querySelectorAll("[data-label]");
      for (var i = 0; i < marked.length; i++) {
        var el = marked[i];
        showLabel(el, el.getAttribute("data-label"), el.getAttribute("data-field") || "title", table);
      }
      for (i = 0; i < labelListeners.length; i++) { labelListeners[i](table); }
    }
    if (lang) { labelTable(lang, show); } else { show(null); }
  }

  function enhanceLabels() {
    var select = document.getElementById("lang");
    if (select) {
      if (view.lang) { select.value = view.lang; }
      select.addEventListener("change", function () { setView("lang", select.value); });
    }
    listeners.push(function () { if (view.lang !== labelled) { showLabels(); } });
    if (view.lang) { showLabels(); }
  }

  // --- the index: search over grid.js --------------------------------------------------------

  function tokens(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // Whether q is within k edits (insert, delete, substitute, swap) of t or of a start of t.
  function near(q, t, k) {
    var m = q.length;
    var n = Math.min(t.length, m + k);
    if (n < m - k) { return false; }
    var before = null;
    var prev = [];
    for (var j = 0; j <= n; j++) { prev[j] = j; }
    for (var i = 1; i <= m; i++) {
      var cur = [i];
      var low = i;
      for (j = 1; j <= n; j++) {
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (q[i - 1] === t[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && q[i - 1] === t[j - 2] && q[i - 2] === t[j - 1]) { v = Math.min(v, before[j - 2] + 1); }
        cur[j] = v;
        if (v < low) { low = v; }
      }
      if (low > k) { return false; }
      before = prev;
      prev = cur;
    }
    for (j = Math.max(1, m - k); j <= n; j++) { if (prev[j] <= k) { return true; } }
    return false;
  }

  // grid.js, unpacked (see gallery.py, _search_index): per icon [slug, title, category,
  // "names|tags|description"], the names led by the words of the title and slug.
  function unpack(data) {
    var base = data.digits.length / 2;
    var digit = {};
    for (var d = 0; d < data.digits.length; d++) { digit[data.digits.charAt(d)] = d; }
    var vocabulary = data.vocabulary.split(" ");
    var slugs = data.slugs.split(" ");
    var words = data.words.split("/");
    var icons = new Array(slugs.length);
    var slug = "";

    function decode(codes) {
      var out = [];
      var value = 0;
      for (var c = 0; c < codes.length; c++) {
        var k = digit[codes.charAt(c)];
        if (k < base) {
          value = value * base + k + 1;
        } else {
          out.push(vocabulary[value * base + k - base]);
          value = 0;
        }
      }
      return out;
    }

    for (var i = 0; i < slugs.length; i++) {
      slug = slug.slice(0, parseInt(slugs[i].charAt(0), 36)) + slugs[i].slice(1);
      var title = data.titles[i];
      if (!title) {
        var parts = slug.split("-");
        parts[0] = parts[0].charAt(0).toUpperCase() + parts[0].slice(1);
        title = parts.join(" ");
      }
      var tiers = words[i].split("|");
      var seen = new Set();
      var names = tokens(title + " " + slug).concat(decode(tiers[0])).filter(function (word) {
        if (seen.has(word)) { return false; }
        seen.add(word);
        return true;
      });
      icons[i] = [slug, title, data.groups[i],
        names.join(" ") + "|" + decode(tiers[1]).join(" ") + "|" + decode(tiers[2]).join(" ")];
    }
    return icons;
  }

  function Index(icons) {
    this.total = icons.length;
    this.text = new Array(this.total);
    this.cut = new Int32Array(this.total * 2);
    this.group = new Int32Array(this.total);
    for (var i = 0; i < this.total; i++) {
      var text = icons[i][3];
      this.text[i] = text;
      var first = text.indexOf("|");
      this.cut[2 * i] = first;
      this.cut[2 * i + 1] = text.indexOf("|", first + 1);
      this.group[i] = icons[i][2];
    }
    this.words = null;  // word -> icons having it, made the first time a typo needs it
  }

  // Adds the chosen language's titles (table: per slug, its title; null: none) to each icon's
  // first tier of words, so that a translated title is found as the title is.
  Index.prototype.translate = function (icons, table) {
    if (!this.source) { this.source = this.text.slice(); this.sourceCut = this.cut.slice(); }
    for (var i = 0; i < this.total; i++) {
      var title = table && table[icons[i][0]];
      var words = title ? tokens(title).join(" ") + " " : "";
      this.text[i] = words + this.source[i];
      this.cut[2 * i] = this.sourceCut[2 * i] + words.length;
      this.cut[2 * i + 1] = this.sourceCut[2 * i + 1] + words.length;
    }
    this.words = null;
  };

  Index.prototype.tier = function (i, at) {
    return at < this.cut[2 * i] ? 0 : at < this.cut[2 * i + 1] ? 1 : 2;
  };

  Index.prototype.vocabulary = function () {
    if (this.words) { return this.words; }
    var words = new Map();
    for (var i = 0; i < this.total; i++) {
      var list = this.text[i].split(/[ |]/);
      for (var w = 0; w < list.length; w++) {
        if (!list[w]) { continue; }
        var having = words.get(list[w]);
        if (!having) { words.set(list[w], having = []); }
        if (having[having.length - 1] !== i) { having.push(i); }
      }
    }
    this.words = words;
    this.joined = "\n" + Array.from(words.keys()).join("\n") + "\n";
    return words;
  };

  // Per query word: icons whose words contain it; if none do, icons with a word a typo away.
  // Returns the matching icons, best first: by tier (title and names, then tags and
  // category, then description; a typo's match after any exact one), then in set order.
  Index.prototype.search = function (query, category) {
    var words = tokens(query);
    var score = new Float64Array(this.total);
    var alive = new Uint8Array(this.total);
    var i;
    for (i = 0; i < this.total; i++) { alive[i] = category < 0 || this.group[i] === category ? 1 : 0; }
    for (var w = 0; w < words.length; w++) {
      var word = words[w];
      var fuzzy = null;
      if (word.length >= 3) {
        this.vocabulary();
        if (this.joined.indexOf(word) === -1) { fuzzy = this.typos(word); }
      }
      for (i = 0; i < this.total; i++) {
        if (!alive[i]) { continue; }
        if (fuzzy) {
          var best = fuzzy.get(i);
          if (best === undefined) { alive[i] = 0; } else { score[i] += best; }
        } else {
          var at = this.text[i].indexOf(word);
          if (at === -1) { alive[i] = 0; } else { score[i] += this.tier(i, at); }
        }
      }
    }
    var out = [];
    for (i = 0; i < this.total; i++) { if (alive[i]) { out.push(i); } }
    if (words.length) { out.sort(function (a, b) { return score[a] - score[b] || a - b; }); }
    return out;
  };

  Index.prototype.typos = function (word) {
    var limit = word.length >= 8 ? 2 : 1;
    var found = new Map();
    var self = this;
    this.words.forEach(function (having, candidate) {
      if (candidate[0] !== word[0] || !near(word, candidate, limit)) { return; }
      for (var h = 0; h < having.length; h++) {
        var i = having[h];
        var tier = 3 + self.tier(i, self.text[i].indexOf(candidate));
        var old = found.get(i);
        if (old === undefined || tier < old) { found.set(i, tier); }
      }
    });
    return found;
  };

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&#34;");
  }

  // Scripts of the gallery's own data (the drawings, grid/N.js), each loaded once.
  // Scripts rather than fetch(), which a page opened from the file system may not use.
  var scripts = {};

  function loadScript(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(); };
        script.onerror = function () { delete scripts[src]; reject(new Error("could not load " + src)); };
        document.head.appendChild(script);
      });
    }
    return scripts[src];
  }

  function enhanceIndex() {
    var data = window.iconkitGrid;
    var grid = document.getElementById("grid");
    var search = document.getElementById("search");
    var category = document.getElementById("category");
    var count = document.getElementById("count");
    var empty = document.getElementById("empty");
    var form = document.getElementById("controls");
    var more = document.getElementById("more");
    if (!data || !grid || !search || !category || !count || !empty || !form) { return; }

    var hidden = document.querySelectorAll(".js-only[hidden]");
    for (var h = 0; h < hidden.length; h++) { hidden[h].hidden = false; }

    var icons = unpack(data);
    var index = new Index(icons);
    var total = index.total;
    var LIMIT = data.first;
    var CHUNK = data.chunk;
    var nodes = new Array(total);  // each cell, made once: the page's own, then gallery.js's
    var served = grid.children;
    for (var n = 0; n < served.length && n < total; n++) { nodes[n] = served[n]; }
    var shown = [];
    for (n = 0; n < served.length; n++) { shown.push(n); }
    var categories = data.categories;
    var expanded = false;
    var lastQuery = "";
    var results = shown.slice();
    var announceTimer = 0;
    var lastAnnounced = count.textContent;
    var linked = "";  // the view the cells' links carry
    var drawn = new Array(data.chunks);  // each chunk's drawings, once loaded
    var waiting = {};  // chunk -> cells drawn without their drawing yet
    var picked = new Set();  // icons picked for a zip, in whatever search they were picked
    // Kept for the tab's visit to this gallery, so a look at an icon's page loses none.
    var PICKS = "iconkit-gallery-picks:" + window.location.pathname;
    try {
      var bySlug = new Map(icons.map(function (icon, i) { return [icon[0], i]; }));
      (window.sessionStorage.getItem(PICKS) || "").split(" ").forEach(function (slug) {
        if (bySlug.has(slug)) { picked.add(bySlug.get(slug)); }
      });
    } catch (e) { /* storage off: picks last as long as the page */ }

    function storePicks() {
      var slugs = Array.from(picked).sort(function (a, b) { return a - b; })
        .map(function (i) { return icons[i][0]; });
      try { window.sessionStorage.setItem(PICKS, slugs.join(" ")); } catch (e) { /* storage off */ }
    }

    // --- drawings, a chunk at a time ---------------------------------------------------------

    function drawing(i) {
      var chunk = drawn[Math.floor(i / CHUNK)];
      return chunk ? chunk[i % CHUNK] : null;
    }

    function svgOf(i) {
      var parts = drawing(i);
      if (!parts) {
        return '<svg class="iconkit grid-icon" width="24" height="24" aria-hidden="true" focusable="false"></svg>';
      }
      return '<svg class="iconkit iconkit-' + icons[i][0] + parts[1] + ' grid-icon" width="24" height="24" ' +
        data.attrs[parts[0]] + ' aria-hidden="true" focusable="false">' + parts[2] + "</svg>";
    }

    function loadChunk(c) {
      return loadScript("grid/" + c + ".js").then(function () {
        if (drawn[c]) { return; }
        drawn[c] = window.iconkitDrawings[c];
        var cells = waiting[c] || [];
        delete waiting[c];
        var template = document.createElement("template");
        template.innerHTML = cells.map(svgOf).join("");
        var made = Array.prototype.slice.call(template.content.children);
        for (var k = 0; k < cells.length; k++) {
          var node = nodes[cells[k]];
          node.firstChild.replaceChild(made[k], node.firstChild.firstChild);
          if (observer) { observer.unobserve(node); }
        }
      });
    }

    function ensure(list) {
      var wanted = {};
      for (var i = 0; i < list.length; i++) {
        var c = Math.floor(list[i] / CHUNK);
        if (!drawn[c]) { wanted[c] = true; }
      }
      return Promise.all(Object.keys(wanted).map(function (c) { return loadChunk(+c); }));
    }

    // Cells drawn without their drawing get it when they come into view.
    var observer = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
      for (var e = 0; e < entries.length; e++) {
        if (entries[e].isIntersecting) {
          var c = Math.floor(entries[e].target._icon / CHUNK);
          loadChunk(c).catch(function (error) { say(error.message); });
        }
      }
    }, { rootMargin: "400px 0px" }) : null;

    // --- cells -------------------------------------------------------------------------------

    function pickHtml(i) {
      return '<input type="checkbox" class="pick" aria-label="Select ' + escapeHtml(icons[i][1]) + '">';
    }

    function cellHtml(i) {
      var icon = icons[i];
      return '<li><a href="icons/' + icon[0] + '.html">' + svgOf(i) + '<span class="name">' +
        escapeHtml(icon[1]) + "</span></a>" + pickHtml(i) + "</li>";
    }

    // The page's own cells get their checkbox here; gallery.js's are made with one.
    function addPick(node, i) {
      var template = document.createElement("template");
      template.innerHTML = pickHtml(i);
      node.appendChild(template.content.firstChild);
    }

    grid.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.classList.contains("pick")) { return; }
      var i = box.parentNode._icon;
      if (box.checked) { picked.add(i); } else { picked.delete(i); }
      storePicks();
      showPicked();
    });

    function make(list) {
      var missing = [];
      for (var i = 0; i < list.length; i++) { if (!nodes[list[i]]) { missing.push(list[i]); } }
      if (!missing.length) { return; }
      var template = document.createElement("template");
      template.innerHTML = missing.map(cellHtml).join("");
      var made = template.content.children;
      for (i = 0; i < missing.length; i++) {
        var k = missing[i];
        nodes[k] = made[i];
        made[i]._icon = k;
        if (labels) { labelCell(k); }
        if (!drawing(k)) {
          var c = Math.floor(k / CHUNK);
          (waiting[c] = waiting[c] || []).push(k);
          if (observer) { observer.observe(made[i]); }
        }
      }
      for (i = 0; i < missing.length; i++) {
        if (picked.has(missing[i])) { nodes[missing[i]].lastChild.checked = true; }
      }
      if (!observer) { ensure(missing); }
    }
    for (n = 0; n < served.length && n < total; n++) {
      addPick(nodes[n], n);
      nodes[n]._icon = n;
      nodes[n].lastChild.checked = picked.has(n);
    }

    var labels = null;  // the chosen language's titles, once shown (null: the source's)

    function labelCell(i) {
      showLabel(nodes[i].querySelector(".name"), icons[i][0], "title", labels);
    }

    labelListeners.push(function (table) {
      labels = table;
      index.translate(icons, table);
      for (var i = 0; i < total; i++) { if (nodes[i]) { labelCell(i); } }
      if (tokens(search.value).length) { apply(); }
    });

    function plural(k) { return k === 1 ? "icon" : "icons"; }

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
        keep();  // the address keeps the search, for the back button, once typing pauses
      }, 350);
    }

    function draw(list) {
      var same = list.length === shown.length;
      for (var i = 0; same && i < list.length; i++) { same = list[i] === shown[i]; }
      make(list);
      var query = viewQuery();
      for (i = 0; i < list.length; i++) {
        var node = nodes[list[i]];
        if (node._view !== query) {
          var a = node.firstChild;
          a.setAttribute("href", linkTo("icons/" + icons[list[i]][0] + ".html"));
          node._view = query;
        }
      }
      linked = query;
      if (!same) {
        grid.replaceChildren.apply(grid, list.map(function (k) { return nodes[k]; }));
        shown = list;
      }
    }

    function wanted() {
      var chosen = category.value;
      return chosen === "" ? -1 : categories.indexOf(chosen);
    }

    function apply() {
      var query = tokens(search.value).join(" ") + "\u0000" + category.value;
      if (query !== lastQuery) { expanded = false; lastQuery = query; }
      results = index.search(search.value, wanted());
      var matches = results.length;
      var capped = !expanded && matches > LIMIT;
      draw(capped ? results.slice(0, LIMIT) : results);
      empty.hidden = matches !== 0;
      if (more) {
        more.hidden = !capped;
        if (capped) { more.textContent = "Show all " + matches + " " + plural(matches); }
      }
      if (zipShown) { zipShown.textContent = "Download these " + matches + " " + plural(matches) + " (zip)"; zipShown.disabled = matches === 0; }
      announce(matches, tokens(search.value).length > 0 || category.value !== "", capped);
    }

    function keep() {
      extra = { q: search.value, category: category.value };
      writeAddress();
    }

    // --- picks and zips ----------------------------------------------------------------------

    var zipShown = document.getElementById("zip-shown");
    var zipAll = document.getElementById("zip-all");
    var zipPicked = document.getElementById("zip-picked");
    var clearPicks = document.getElementById("pick-clear");
    var pickCount = document.getElementById("picked");
    var format = document.getElementById("zip-format");
    var pngOption = format ? format.querySelector('option[value="png"]') : null;
    var bothOption = format ? format.querySelector('option[value="both"]') : null;
    var zipStatus = document.getElementById("zip-status");
    status = zipStatus;

    function showPicked() {
      var k = picked.size;
      if (pickCount) { pickCount.textContent = k ? k + " " + plural(k) + " selected" : "No icons selected"; }
      if (zipPicked) {
        zipPicked.textContent = "Download " + k + " selected " + plural(k) + " (zip)";
        zipPicked.disabled = k === 0;
      }
      if (clearPicks) { clearPicks.disabled = k === 0; }
    }

    function showFormat() {
      var px = +(view.size || 24);
      if (pngOption) { pngOption.textContent = "PNG, " + px + " px"; }
      if (bothOption) { bothOption.textContent = "SVG and PNG, " + px + " px"; }
    }
    listeners.push(showFormat);
    showFormat();

    function bytesOf(blob) {
      return blob.arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
    }

    // A zip of the icons in list, in set order: SVG files and/or PNG files at the chosen
    // size and colour, named SLUG.svg and SLUG-SIZE.png, every entry dated alike.
    function zip(list, name) {
      var chosen = format ? format.value : "svg";
      var size = +(view.size || 24);
      var order = list.slice().sort(function (a, b) { return a - b; });
      var encoder = new TextEncoder();
      say("Making " + name + "…");
      return ensure(order).then(function () {
        var files = [];
        var step = Promise.resolve();
        order.forEach(function (i) {
          var icon = icons[i];
          var parts = drawing(i);
          var svg = customSvg('<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" ' +
            data.attrs[parts[0]] + ">" + parts[2] + "</svg>\n", size);
          if (chosen !== "png") { files.push({ name: icon[0] + ".svg", bytes: encoder.encode(svg) }); }
          if (chosen !== "svg") {
            var entry = { name: icon[0] + "-" + size + ".png", bytes: null };
            files.push(entry);
            step = step.then(function () { return pngBlob(svg, size); })
              .then(bytesOf).then(function (bytes) { entry.bytes = bytes; });
          }
        });
        return step.then(function () {
          save(zipBlob(files), name);
          say("Downloaded " + name + ": " + order.length + " " + plural(order.length) + ".");
        });
      }).catch(function (error) { say("No zip: " + error.message); });
    }

    if (zipShown) { zipShown.addEventListener("click", function () { zip(results, "icons-shown.zip"); }); }
    if (zipPicked) {
      zipPicked.addEventListener("click", function () { zip(Array.from(picked), "icons-selected.zip"); });
    }
    if (clearPicks) {
      clearPicks.addEventListener("click", function () {
        picked.forEach(function (i) {
          var box = nodes[i] && nodes[i].querySelector(".pick");
          if (box) { box.checked = false; }
        });
        picked.clear();
        storePicks();
        showPicked();
      });
    }
    if (zipAll) {
      zipAll.addEventListener("click", function () {
        var every = [];
        for (var i = 0; i < total; i++) { every.push(i); }
        zip(every, "icons.zip");
      });
    }
    showPicked();

    if (more) {
      more.addEventListener("click", function () {
        expanded = true;
        apply();
        // The button is gone: focus the first cell it revealed.
        if (shown.length > LIMIT) { nodes[shown[LIMIT]].querySelector("a").focus(); }
      });
    }

    listeners.push(function () { if (linked !== viewQuery()) { draw(shown); } });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    grid.addEventListener("click", function (event) {
      // leaving before the pause: keep the search too
      if (event.target.closest && event.target.closest("a")) { keep(); }
    });
    search.addEventListener("input", apply);
    category.addEventListener("change", apply);

    // Coming back from an icon page keeps the search.
    search.value = address.get("q") || "";
    category.value = address.get("category") || "";
    extra = { q: search.value, category: category.value };
    apply();
  }

  // --- the coverage page's filters -----------------------------------------------------------

  function enhanceCoverage() {
    var form = document.getElementById("finding-filters");
    if (!form) { return; }
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var rule = document.getElementById("filter-rule");
    var severity = document.getElementById("filter-severity");
    var name = document.getElementById("filter-icon");
    var counter = document.getElementById("finding-count");
    var rows = document.querySelectorAll("[data-rules]");
    var timer = 0;

    function filter() {
      var code = rule.value;
      var level = severity.value;
      var words = tokens(name.value);
      var groups = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var show = (!code || (" " + row.getAttribute("data-rules") + " ").indexOf(" " + code + " ") !== -1) &&
          (!level || (" " + row.getAttribute("data-severity") + " ").indexOf(" " + level + " ") !== -1);
        var list = row.querySelector(".icon-list");
        if (show && list) {
          var any = false;
          var links = list.children;
          for (var k = 0; k < links.length; k++) {
            var text = links[k].textContent;
            var match = words.every(function (word) { return text.indexOf(word) !== -1; });
            links[k].hidden = !match;
            any = any || match;
          }
          show = any;
        } else if (show && words.length && row.tagName === "TR" && row.closest("#every-finding")) {
          var file = row.cells[0].textContent.toLowerCase();
          show = words.every(function (word) { return file.indexOf(word) !== -1; });
        }
        row.hidden = !show;
        if (show && list) { groups++; }
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        counter.textContent = code || level || words.length
          ? groups + " " + (groups === 1 ? "group" : "groups") + " of icons shown" : "";
      }, 350);
    }

    rule.addEventListener("change", filter);
    severity.addEventListener("change", filter);
    name.addEventListener("input", filter);
  }

  viewControls();
  applyView();
  enhanceCopy();
  enhanceIconPage();
  enhanceIndex();
  enhanceCoverage();
  enhanceLabels();
  applyView();
  carryLinks();
  // For benchmarks/gallery_search.py: the moment the page answers.
  if (window.performance && performance.mark) { performance.mark("iconkit-gallery-ready"); }
})();
