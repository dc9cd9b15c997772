// Gazette site search: loads /search-index.json once and ranks articles in the browser. No external service.
// Words are folded like the index builds them (lower case, accents removed); every query word must match
// the start of a word of the title, tags, summary or indexed terms. Title matches rank highest, then newer first.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector(".search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var articles = null;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
  }
  function words(text) { return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  function prepare(a) {
    a.title = words(a.t); a.rest = words(a.g.join(" ") + " " + a.s + " " + a.k); return a;
  }
  function matches(list, q) { return list.some(function (w) { return w.indexOf(q) === 0; }); }

  function search(query) {
    var qs = words(query);
    list.textContent = "";
    if (!qs.length) { status.textContent = ""; return; }
    var found = articles.map(function (a, i) {
      var score = 0;
      for (var j = 0; j < qs.length; j++) {
        if (matches(a.title, qs[j])) score += 3; else if (matches(a.rest, qs[j])) score += 1; else return null;
      }
      return { a: a, score: score, i: i };
    }).filter(Boolean).sort(function (x, y) { return y.score - x.score || x.i - y.i; }).slice(0, 30);
    status.textContent = found.length ? "" : status.dataset.none;
    found.forEach(function (hit) {
      var li = document.createElement("li");
      li.lang = hit.a.l;
      var time = document.createElement("time");
      time.dateTime = hit.a.d; time.textContent = hit.a.d;
      var link = document.createElement("a");
      link.href = hit.a.u; link.textContent = hit.a.t;
      var summary = document.createElement("p");
      summary.textContent = hit.a.s;
      li.append(time, " ", link, summary);
      list.appendChild(li);
    });
  }

  function run() {
    var query = new URLSearchParams(location.search).get("q") || "";
    input.value = query;
    if (articles) { search(query); return; }
    fetch(script.dataset.index).then(function (r) { return r.json(); }).then(function (index) {
      articles = index.articles.map(prepare);
      search(query);
    });
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run();
  });
  run();
})();
