// ties: search and small comforts. Every page works without this script (unlock.js opens the
// pages of an encrypted build).
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var root = document.documentElement.getAttribute("data-root") || "";

  if (window.tiesSealedSearch !== undefined) {
    // An opened page of an encrypted build: a link to forget the key, and the search, once opened.
    var nav = document.querySelector("header.site nav ul");
    if (nav) {
      var item = document.createElement("li");
      var lock = document.createElement("a");
      lock.href = "index.html";
      lock.id = "ties-lock";
      lock.textContent = document.documentElement.getAttribute("data-lock") || "Lock";
      lock.addEventListener("click", function () { if (window.tiesLock) window.tiesLock(); });
      item.appendChild(lock);
      nav.appendChild(item);
    }
    if (window.tiesOpenSealed) {
      window.tiesOpenSealed(window.tiesSealedSearch).then(function (json) { startSearch(JSON.parse(json)); });
    }
  } else {
    startSearch(window.tiesSearch || []);
  }

  // Search over names, orgs, tags and titles; the index is search-index.js, loaded before this.
  function startSearch(entries) {
  var box = document.getElementById("search-box");
  var results = document.getElementById("search-results");
  if (box && results && entries.length) {
    box.closest(".search").hidden = false;
    // The words of a query as ties search reads them (TextFolding.searchKey): no case, no
    // accents, letters that do not decompose spelt out, and umlauts either way (ue is u). The
    // index holds every word of a record already folded so.
    var spelt = { "ß": "ss", "ẞ": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
      "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ı": "i", "þ": "th", "Þ": "th" };
    var fold = function (text) {
      return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
        .replace(/[ßẞøØæÆœŒđĐłŁıþÞ]/g, function (letter) { return spelt[letter]; })
        .toLowerCase().replace(/([aou])e+/g, "$1");
    };
    var show = function () {
      var words = box.value.split(/\s+/).map(fold).filter(Boolean);
      results.textContent = "";
      if (!words.length) return;
      // Records whose name and detail hold every word first (as ties search puts a name before
      // notes), each group in the index's order.
      var found = [[], []];
      for (var i = 0; i < entries.length; i++) {
        var text = entries[i].x;
        if (!words.every(function (word) { return text.indexOf(word) !== -1; })) continue;
        var named = fold(entries[i].n + " " + (entries[i].d || ""));
        found[words.every(function (word) { return named.indexOf(word) !== -1; }) ? 0 : 1].push(i);
      }
      var shown = 0;
      found[0].concat(found[1]).slice(0, 20).forEach(function (i) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = root + entries[i].u;
        link.textContent = entries[i].n;
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = entries[i].k;
        item.appendChild(link);
        item.appendChild(kind);
        if (entries[i].d) {
          var detail = document.createElement("span");
          detail.className = "detail";
          detail.textContent = entries[i].d;
          item.appendChild(detail);
        }
        results.appendChild(item);
        shown++;
      });
      if (!shown) {
        var none = document.createElement("li");
        none.textContent = box.getAttribute("data-empty");
        results.appendChild(none);
      }
    };
    box.addEventListener("input", show);
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { box.value = ""; show(); }
      if (event.key === "Enter") {
        var first = results.querySelector("a");
        if (first) window.location.href = first.href;
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" && document.activeElement !== box) { event.preventDefault(); box.focus(); }
    });
    // index.html?q=words opens with a search: bookmarkable, and usable from a browser's search bar.
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { box.value = query; show(); }
  }
  }

  // Publication log: filter by kind.
  var filters = document.querySelectorAll("button.filter");
  if (filters.length) {
    var items = document.querySelectorAll("#publication-log li.publication");
    filters.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var kind = button.getAttribute("data-kind");
        filters.forEach(function (other) { other.setAttribute("aria-pressed", String(other === button)); });
        items.forEach(function (item) { item.hidden = kind !== "" && item.getAttribute("data-kind") !== kind; });
      });
    });
  }
})();
