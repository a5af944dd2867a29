/* kehoach review report: task filters and outline buttons (plan pages), sortable table (index),
   outline opened for printing. No library, no network. The pages are complete without it. */
(function () {
  "use strict";

  function all(sel, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(sel));
  }

  // ------------------------------------------------------------------ plan page: task filters
  function setupFilters() {
    var table = document.getElementById("tasks");
    if (!table) return;
    var only = document.getElementById("only-findings");
    var lead = document.getElementById("by-lead");
    var kind = document.getElementById("by-kind");
    var code = document.getElementById("by-code");
    var count = document.getElementById("task-count");
    var none = document.getElementById("no-match");
    var rows = all("tbody > tr", table);
    var tasks = rows.filter(function (r) { return r.classList.contains("task"); });
    var leads = tasks.map(function (r) {
      try { return JSON.parse(r.getAttribute("data-leads") || "[]"); } catch (e) { return []; }
    });

    function apply() {
      var o = only.checked, l = lead.value, k = kind.value, c = code.value, shown = 0;
      tasks.forEach(function (r, i) {
        var ok = (!o || Number(r.getAttribute("data-findings")) > 0) &&
          (!c || (" " + r.getAttribute("data-codes") + " ").indexOf(" " + c + " ") >= 0) &&
          (!k || r.getAttribute("data-kind") === k) &&
          (!l || (l === "__none__" ? leads[i].length === 0 : leads[i].indexOf(l) >= 0));
        r.hidden = !ok;
        if (ok) shown++;
      });
      var group = null, any = false;  // a group heading shows when one of its tasks does
      rows.forEach(function (r) {
        if (r.classList.contains("grp")) {
          if (group) group.hidden = !any;
          group = r;
          any = false;
        } else if (!r.hidden) {
          any = true;
        }
      });
      if (group) group.hidden = !any;
      count.textContent = shown + "/" + tasks.length + " nhiệm vụ";
      none.hidden = shown > 0;
      document.body.setAttribute("data-filtered", o || l || k || c ? "yes" : "no");
    }

    // a link can open the page filtered: #phat-hien (tasks with findings), #phat-hien=CODE
    function fromHash() {
      var h;
      try { h = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
      if (h.indexOf("phat-hien") !== 0) return;
      var want = h.slice("phat-hien=".length);
      only.checked = true;
      var known = Array.prototype.some.call(code.options, function (o) { return o.value === want; });
      code.value = known ? want : "";
      apply();
      table.scrollIntoView();
    }

    [only, lead, kind, code].forEach(function (el) { el.addEventListener("change", apply); });
    document.getElementById("task-filters").addEventListener("submit", function (e) { e.preventDefault(); });
    window.addEventListener("hashchange", fromHash);
    apply();
    fromHash();
  }

  // ------------------------------------------------------------------ plan page: outline
  function setupOutline() {
    all("[data-outline]").forEach(function (btn) {
      btn.addEventListener("click", function () {
        var open = btn.getAttribute("data-outline") === "open";
        all(".outline details").forEach(function (d) { d.open = open; });
      });
    });
    var closed = [];
    window.addEventListener("beforeprint", function () {
      closed = all("details:not([open])");
      closed.forEach(function (d) { d.open = true; });
    });
    window.addEventListener("afterprint", function () {
      closed.forEach(function (d) { d.open = false; });
      closed = [];
    });
  }

  // ------------------------------------------------------------------ index: sortable table
  function setupSort() {
    var tables = all("table.sortable");
    var collator = window.Intl ? new Intl.Collator("vi", { numeric: true, sensitivity: "base" }) : null;
    function cmpText(a, b) { return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0); }

    tables.forEach(function (table) {
      var body = table.tBodies[0];
      all("thead button[data-key]", table).forEach(function (btn) {
        btn.addEventListener("click", function () {
          var th = btn.parentNode;
          var col = Array.prototype.indexOf.call(th.parentNode.children, th);
          var num = btn.getAttribute("data-type") === "num";
          var current = th.getAttribute("aria-sort");
          var dir = current === "descending" ? "ascending" :
            current === "ascending" ? "descending" : (num ? "descending" : "ascending");
          all("thead th", table).forEach(function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", dir);
          var sign = dir === "ascending" ? 1 : -1;
          var keyed = Array.prototype.map.call(body.rows, function (r, i) {
            var v = r.cells[col] ? (r.cells[col].getAttribute("data-v") || "") : "";
            return { v: num ? Number(v) || 0 : v, r: r, i: i };
          });
          keyed.sort(function (a, b) {
            if (!num && (a.v === "") !== (b.v === "")) return a.v === "" ? 1 : -1;  // blanks last
            var c = num ? a.v - b.v : cmpText(a.v, b.v);
            return c ? sign * c : a.i - b.i;
          });
          var frag = document.createDocumentFragment();
          keyed.forEach(function (k) { frag.appendChild(k.r); });
          body.appendChild(frag);
        });
      });
    });
  }

  // ------------------------------------------------------------------ index: search and "with errors"
  function fold(text) {  // case and Vietnamese marks ignored: "uy ban" finds "Ủy ban"
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  function setupSearch() {
    var table = document.getElementById("plans");
    var box = document.getElementById("plan-search");
    if (!table || !box) return;
    var errorsOnly = document.getElementById("plans-with-errors");
    var count = document.getElementById("plan-count");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (r) { return fold(r.textContent); });
    function apply() {
      var words = fold(box.value).split(/\s+/).filter(Boolean), shown = 0;
      rows.forEach(function (r, i) {
        var ok = (!errorsOnly.checked || r.getAttribute("data-errors") !== "0") &&
          words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        r.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = shown + "/" + rows.length + " kế hoạch";
    }
    box.addEventListener("input", apply);
    errorsOnly.addEventListener("change", apply);
    if (box.value || errorsOnly.checked) apply();
  }

  function start() {
    setupFilters();
    setupSearch();
    setupOutline();
    setupSort();
    document.documentElement.setAttribute("data-ready", "1");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
