// briefing search: queries the static index under search/ (made by
// src/render/search.rs, which also holds the same lookup in Rust for the tests).
// index.json maps term prefixes to shard files; a query loads only the shards its
// words need, then the files holding the documents of the results it shows. Text from the index is put
// on the page with textContent only, never as HTML.
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var nojs = document.getElementById('search-nojs');
  if (!form || !input || !status || !list || !window.fetch) return;
  nojs.hidden = true;

  var base = form.getAttribute('data-index') || './';
  var root = form.getAttribute('data-root') || '../';
  var fromDisk = window.location.protocol === 'file:';
  var LIMIT = 20;
  var KINDS = { person: 'Person', article: 'Article', event: 'Event', comparison: 'Comparison', story: 'Same story' };
  var cache = {};
  var current = 0;

  // The same folding as the index: decompose, drop combining marks, lowercase.
  function fold(text) {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  }
  function words(folded) {
    return (folded.match(/[\p{Alphabetic}\p{N}]+/gu) || []).filter(function (w) {
      return Array.from(w).length <= 40;
    });
  }
  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ': ' + r.status);
        return r.json();
      });
    }
    return cache[path];
  }

  function lookup(meta, text) {
    var wanted = words(fold(text));
    if (!wanted.length) return Promise.resolve([]);
    var openEnd = !/\s$/.test(text);
    var keys = Object.keys(meta.shards);
    var perWord = wanted.map(function (word, wi) {
      var asPrefix = openEnd && wi === wanted.length - 1 && Array.from(word).length >= 2;
      var need = keys.filter(function (k) {
        return asPrefix ? (k.indexOf(word) === 0 || word.indexOf(k) === 0) : word.indexOf(k) === 0;
      });
      return Promise.all(need.map(function (k) { return load('t/' + meta.shards[k] + '.json'); }))
        .then(function (shards) {
          var found = new Map();
          shards.forEach(function (shard) {
            Object.keys(shard).forEach(function (term) {
              var hit = asPrefix ? term.indexOf(word) === 0 : term === word;
              if (!hit) return;
              var postings = shard[term];
              var idf = Math.log(1 + meta.docs / Math.max(1, postings.length));
              postings.forEach(function (p) {
                var doc = p[0];
                var f = found.get(doc);
                if (!f) { f = { score: 0, passages: new Map(), terms: new Set() }; found.set(doc, f); }
                f.score = Math.max(f.score, p[1] * idf);
                for (var i = 2; i < p.length; i++) {
                  if (!f.passages.has(p[i])) f.passages.set(p[i], new Set());
                  f.passages.get(p[i]).add(wi);
                }
                f.terms.add(term);
              });
            });
          });
          return found;
        });
    });
    return Promise.all(perWord).then(function (maps) {
      var results = [];
      maps[0].forEach(function (first, doc) {
        var total = { score: first.score, passages: new Map(first.passages), terms: new Set(first.terms) };
        for (var i = 1; i < maps.length; i++) {
          var o = maps[i].get(doc);
          if (!o) return;
          total.score += o.score;
          o.passages.forEach(function (ws, p) {
            var mine = total.passages.get(p) || new Set();
            ws.forEach(function (w) { mine.add(w); });
            total.passages.set(p, mine);
          });
          o.terms.forEach(function (t) { total.terms.add(t); });
        }
        results.push({ doc: doc, score: total.score, passages: total.passages, terms: total.terms });
      });
      results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      return results;
    });
  }

  // The passage matching the most words, a text passage over the title, the earliest.
  function bestPassage(passages) {
    var best = 0, bestCount = -1;
    Array.from(passages.keys()).sort(function (a, b) { return a - b; }).forEach(function (p) {
      var n = passages.get(p).size;
      if (n > bestCount || (n === bestCount && best === 0 && p !== 0)) { best = p; bestCount = n; }
    });
    return best;
  }

  // The passage as text and <mark> nodes, cut to a window around the first match.
  function highlighted(text, terms) {
    var re = /[\p{Alphabetic}\p{M}\p{N}]+/gu;
    var spans = [], m;
    while ((m = re.exec(text))) {
      if (terms.has(fold(m[0]))) spans.push([m.index, m.index + m[0].length]);
    }
    var from = 0, to = text.length;
    if (text.length > 320) {
      var at = spans.length ? spans[0][0] : 0;
      from = Math.max(0, at - 120);
      if (from > 0) { var sp = text.indexOf(' ', from); from = sp >= 0 && sp < at ? sp + 1 : from; }
      to = Math.min(text.length, from + 320);
      if (to < text.length) { var back = text.lastIndexOf(' ', to); to = back > from ? back : to; }
    }
    var frag = document.createDocumentFragment();
    if (from > 0) frag.appendChild(document.createTextNode('… '));
    var pos = from;
    spans.forEach(function (s) {
      if (s[0] < from || s[1] > to) return;
      if (s[0] > pos) frag.appendChild(document.createTextNode(text.slice(pos, s[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(s[0], s[1]);
      frag.appendChild(mark);
      pos = s[1];
    });
    if (pos < to) frag.appendChild(document.createTextNode(text.slice(pos, to)));
    if (to < text.length) frag.appendChild(document.createTextNode(' …'));
    return frag;
  }

  function link(url) {
    if (!fromDisk) return root + url;
    // Opened from disk, a folder link would show the folder: name its index.html.
    var cut = url.indexOf('#');
    var path = cut < 0 ? url : url.slice(0, cut);
    var rest = cut < 0 ? '' : url.slice(cut);
    return root + path + (path === '' || path.slice(-1) === '/' ? 'index.html' : '') + rest;
  }

  function show(text, results, docs) {
    list.textContent = '';
    docs.forEach(function (d, i) {
      var r = results[i];
      var shown = bestPassage(r.passages);
      var passage = d.passages[shown] || ['', ''];
      var li = document.createElement('li');
      li.className = 'search-result kind-' + d.kind;
      var h = document.createElement('h2');
      var a = document.createElement('a');
      a.href = link(d.url + passage[1]);
      a.textContent = d.title;
      h.appendChild(a);
      li.appendChild(h);
      var meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = (KINDS[d.kind] || d.kind) + (d.meta ? ' · ' + d.meta : '');
      li.appendChild(meta);
      if (shown !== 0 && passage[0]) {
        var p = document.createElement('p');
        p.className = 'passage';
        p.appendChild(highlighted(passage[0], r.terms));
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    var n = results.length;
    status.textContent = n === 0
      ? 'Nothing found for “' + text.trim() + '”.'
      : n + ' result' + (n === 1 ? '' : 's') + ' for “' + text.trim() + '”' + (n > LIMIT ? ', the first ' + LIMIT + ' shown.' : '.');
  }

  function run(text) {
    var ticket = ++current;
    if (!text.trim()) { list.textContent = ''; status.textContent = ''; return; }
    load('index.json').then(function (meta) {
      return lookup(meta, text).then(function (results) {
        var top = results.slice(0, LIMIT);
        // Documents are stored meta.per_file to a file, in order.
        var per = meta.per_file || 1;
        return Promise.all(top.map(function (r) {
          return load('f/' + Math.floor(r.doc / per) + '.json').then(function (file) { return file[r.doc % per]; });
        })).then(function (docs) {
          if (ticket === current) show(text, results, docs);
        });
      });
    }).catch(function () {
      if (ticket !== current) return;
      list.textContent = '';
      status.textContent = fromDisk
        ? 'Search cannot load its index from a file on disk: browsers do not allow it. Serve the folder over HTTP (for example with `briefing serve`) or use the indexes below.'
        : 'Search could not load its index. Try again, or use the indexes below.';
      nojs.hidden = false;
    });
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var url = new URL(window.location.href);
      if (input.value) url.searchParams.set('q', input.value); else url.searchParams.delete('q');
      window.history.replaceState(null, '', url);
      run(input.value);
    }, 150);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    run(input.value);
  });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) { input.value = q; run(q); }
})();
