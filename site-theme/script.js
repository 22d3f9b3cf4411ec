// ties: search and small comforts. Every page works without this script (unlock.js opens the
// pages of an encrypted build).
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var root = document.documentElement.getAttribute("data-root") || "";

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
    // The index holds every word of the journal's notes: it is loaded when the search is
    // first used (or the address asks for one, ?q=), not with every page.
    var box = document.getElementById("search-box");
    var loaded = false;
    var load = function () {
      if (loaded) return;
      loaded = true;
      var script = document.createElement("script");
      script.src = root + "search-index.js";
      script.onload = function () { startSearch(window.tiesSearch || []); };
      document.head.appendChild(script);
    };
    if (box) {
      box.closest(".search").hidden = false;
      box.addEventListener("focus", load);
      box.addEventListener("input", load);
      if (new URLSearchParams(window.location.search).get("q")) load();
    }
  }

  // Search over names, orgs, tags and titles; the index is search-index.js, loaded before this.
  function startSearch(entries) {
  var box = document.getElementById("search-box");
  var results = document.getElementById("search-results");
  if (box && results && entries.length) {
    box.closest(".search").hidden = false;
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
    if (query) { box.value = query; show(); } else if (box.value) { show(); }
  }
  }

  // The contact list: sorted and filtered in the page, the choices kept in the address's
  // fragment (#sort=last&circle=close&due=1), so a view can be bookmarked or sent.
  var controls = document.getElementById("contact-controls");
  var list = document.getElementById("contact-list");
  if (controls && list) {
    controls.hidden = false;
    var body = list.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var counter = document.getElementById("contact-count");
    var fields = ["q", "circle", "org", "tag", "due", "sort"];
    var read = function () {
      var state = new URLSearchParams(window.location.hash.slice(1));
      fields.forEach(function (name) {
        var field = controls.elements[name];
        var value = state.get(name) || "";
        if (field.type === "checkbox") field.checked = value === "1";
        else if (field.tagName === "SELECT") field.value = Array.prototype.some.call(field.options, function (o) { return o.value === value; }) ? value : field.options[0].value;
        else field.value = value;
      });
    };
    var apply = function () {
      var q = controls.elements.q.value.split(/\s+/).map(fold).filter(Boolean);
      var circle = controls.elements.circle.value, org = controls.elements.org.value, tag = controls.elements.tag.value;
      var due = controls.elements.due.checked, sort = controls.elements.sort.value;
      var shown = 0;
      rows.forEach(function (row) {
        var text = fold(row.textContent);
        var visible = (!circle || row.getAttribute("data-circle") === circle)
          && (!org || row.getAttribute("data-org") === org)
          && (!tag || (" " + row.getAttribute("data-tags") + " ").indexOf(" " + tag + " ") !== -1)
          && (!due || row.hasAttribute("data-due"))
          && q.every(function (word) { return text.indexOf(word) !== -1; });
        row.hidden = !visible;
        if (visible) shown++;
      });
      // Empty dates last; then by name, so that every order is complete.
      var key = { last: "data-last", next: "data-next", strength: "data-strength" }[sort];
      var sorted = rows.slice().sort(function (a, b) {
        if (key) {
          var x = a.getAttribute(key), y = b.getAttribute(key);
          if (x !== y) {
            if (!x) return 1;
            if (!y) return -1;
            if (sort === "last") return x < y ? 1 : -1;
            return x < y ? -1 : 1;
          }
        }
        var m = a.getAttribute("data-name"), n = b.getAttribute("data-name");
        return m < n ? -1 : m > n ? 1 : 0;
      });
      sorted.forEach(function (row) { body.appendChild(row); });
      if (counter) counter.textContent = shown === rows.length ? String(rows.length) : shown + " / " + rows.length;
      var state = new URLSearchParams();
      fields.forEach(function (name) {
        var field = controls.elements[name];
        var value = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value;
        if (value && !(name === "sort" && value === "name")) state.set(name, value);
      });
      var hash = state.toString();
      if (window.location.hash.slice(1) !== hash) history.replaceState(null, "", hash ? "#" + hash : window.location.pathname + window.location.search);
    };
    read();
    apply();
    controls.addEventListener("input", apply);
    controls.addEventListener("change", apply);
    controls.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("hashchange", function () { read(); apply(); });
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
