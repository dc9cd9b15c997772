// Gazette site search: loads /search-index.json once and searches it in the browser, as you type. No service.
// The index lists every word of the articles (titles, tags, summaries, bodies), folded like this script folds
// queries (lower case, accents removed), in code-point order, each with the articles that have it. Every query
// word must start a word of the article; articles with query words in their title come first, then newer first.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector(".search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var index = null;
  var loading = null;
  var timer = 0;
  var SHOWN = 50;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
  }
  function words(text) { return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean); }

  // the first word at or after the prefix, by binary search over the sorted words (code-point order, as written)
  function lowerBound(list, prefix) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (list[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // the articles with a word starting with the prefix, as a set of article numbers
  function articlesWith(prefix) {
    var found = new Set();
    for (var i = lowerBound(index.words, prefix); i < index.words.length && index.words[i].indexOf(prefix) === 0; i++) {
      var id = 0;
      index.postings[i].split(".").forEach(function (step) { id += parseInt(step, 36); found.add(id); });
    }
    return found;
  }

  function count(n) {
    var lang = (status.dataset.lang || "en").split("-")[0];
    var one = lang === "fr" || lang === "pt" ? n < 2 : n === 1;
    return (one ? status.dataset.one : status.dataset.other).replace("{0}", n.toLocaleString(status.dataset.lang || undefined));
  }

  function search(query) {
    var qs = words(query).filter(function (w) { return w.length >= 2; });
    list.textContent = "";
    if (!qs.length) { status.textContent = ""; return; }
    var hits = null;
    qs.forEach(function (q) {
      var these = articlesWith(q);
      hits = hits === null ? these : new Set(Array.from(hits).filter(function (id) { return these.has(id); }));
    });
    var found = Array.from(hits).map(function (id) {
      var a = index.articles[id];
      var title = a.titleWords || (a.titleWords = words(a.t));
      var score = qs.filter(function (q) { return title.some(function (w) { return w.indexOf(q) === 0; }); }).length;
      return { a: a, id: id, score: score };
    }).sort(function (x, y) { return y.score - x.score || x.id - y.id; });
    status.textContent = found.length ? count(found.length) : status.dataset.none;
    found.slice(0, SHOWN).forEach(function (hit) {
      var li = document.createElement("li");
      li.lang = hit.a.l;
      var link = document.createElement("a");
      link.href = hit.a.u; link.textContent = hit.a.t;
      var time = document.createElement("time");
      time.dateTime = hit.a.d; time.textContent = hit.a.f || hit.a.d;
      var summary = document.createElement("p");
      summary.textContent = hit.a.s;
      li.append(link, " ", time, summary);
      list.appendChild(li);
    });
  }

  function load() {
    if (!loading) {
      loading = fetch(script.dataset.index).then(function (r) { return r.json(); }).then(function (data) {
        index = data;
        return data;
      });
    }
    return loading;
  }

  function run(query) {
    load().then(function () { search(query); });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      history.replaceState(null, "", input.value ? "?q=" + encodeURIComponent(input.value) : location.pathname);
      run(input.value);
    }, 150);
  });
  input.addEventListener("focus", load, { once: true });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value);
  });
  var initial = new URLSearchParams(location.search).get("q") || "";
  if (initial) { input.value = initial; run(initial); }
})();
