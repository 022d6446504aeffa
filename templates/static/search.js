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
  var kinds = document.getElementById('search-kinds');
  var suggest = document.getElementById('search-suggest');
  var more = document.getElementById('search-more');
  if (!form || !input || !status || !list || !window.fetch) return;
  nojs.hidden = true;
  if (kinds) kinds.hidden = false;

  var base = form.getAttribute('data-index') || './';
  var root = form.getAttribute('data-root') || '../';
  var fromDisk = window.location.protocol === 'file:';
  var LIMIT = 20;
  // The words the script writes, in the site's language: the page carries them from
  // the words table (`search_script`); English's when a theme's page does not.
  var WORDS = {
    kind: { person: 'Person', article: 'Article', event: 'Event', comparison: 'Comparison', story: 'Same story', quote: 'Quote' },
    best: 'Person · best match',
    more: 'More results ({n} of the {left} left)',
    count: {
      all: { one: '{n} result', other: '{n} results' },
      person: { one: '{n} person', other: '{n} people' },
      event: { one: '{n} event', other: '{n} events' },
      article: { one: '{n} article', other: '{n} articles' },
      quote: { one: '{n} quote', other: '{n} quotes' },
      comparison: { one: '{n} comparison', other: '{n} comparisons' }
    },
    none_of_kind: {
      person: 'No people among the {all} for “{q}”.',
      event: 'No events among the {all} for “{q}”.',
      article: 'No articles among the {all} for “{q}”.',
      quote: 'No quotes among the {all} for “{q}”.',
      comparison: 'No comparisons among the {all} for “{q}”.'
    },
    nothing: 'Nothing found for “{q}”.',
    found: '{count} for “{q}”.',
    found_first: '{count} for “{q}”, the first {limit} shown.',
    did_you_mean: 'Nothing matched “{q}”. Did you mean ',
    showing: '? Showing its results.',
    from_disk: 'Search cannot load its index from a file on disk: browsers do not allow it. Serve the folder over HTTP (for example with `briefing serve`) or use the indexes below.',
    failed: 'Search could not load its index. Try again, or use the indexes below.'
  };
  var carried = document.getElementById('search-words');
  if (carried) {
    try { WORDS = JSON.parse(carried.textContent); } catch (e) { /* keep English's */ }
  }
  // A pattern with its `{name}`s filled; a plural's form chosen by `n`.
  function say(pattern, args) {
    if (typeof pattern === 'object') pattern = args.n === 1 ? pattern.one : pattern.other;
    return pattern.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : all;
    });
  }
  // A filter's kinds: comparisons and the stories found by the generator go together.
  var FILTERS = { person: ['person'], article: ['article'], event: ['event'], quote: ['quote'], comparison: ['comparison', 'story'] };
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
  // A term's postings are one string, five bits a character, the lowest first and the
  // sixth bit set on all but a number's last: per posting, the step from the document
  // before, the score times four plus how many passages, the passages. Read back as
  // [document, score, passage…] each, as `decode` in search.rs reads them.
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var VALUE = {};
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS.charAt(d)] = d;
  function postingsOf(code) {
    var out = [];
    var at = 0;
    var doc = 0;
    function next() {
      var n = 0;
      var scale = 1;
      var v;
      do {
        v = VALUE[code.charAt(at++)];
        n += (v % 32) * scale;
        scale *= 32;
      } while (v >= 32);
      return n;
    }
    while (at < code.length) {
      doc += next();
      var both = next();
      var p = [doc, Math.floor(both / 4)];
      for (var k = both % 4; k > 0; k--) p.push(next());
      out.push(p);
    }
    return out;
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

  function lookup(meta, wanted, openEnd) {
    if (!wanted.length) return Promise.resolve({ results: [], unmatched: [] });
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
              var postings = postingsOf(shard[term]);
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
      var unmatched = maps.map(function (m) { return m.size === 0; });
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
      return { results: results, unmatched: unmatched };
    });
  }

  // Typos: how many edits a word may be from the term meant, as typo_budget in Rust.
  function budget(n) { return n < 4 ? 0 : n <= 7 ? 1 : 2; }
  // Optimal string alignment distance, or Infinity above max.
  function distance(a, b, max) {
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > max) return Infinity;
    var before = [], prev = [], row = [], i, j;
    for (j = 0; j <= b.length; j++) { prev[j] = j; before[j] = 0; }
    for (i = 1; i <= a.length; i++) {
      row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        row[j] = d;
        if (d < best) best = d;
      }
      if (best > max) return Infinity;
      before = prev; prev = row;
    }
    return prev[b.length] <= max ? prev[b.length] : Infinity;
  }
  // The term a word that matches nothing was most likely meant as, from the term list
  // of its first letter: the nearest, then the one in the most documents.
  function correction(meta, word) {
    var max = budget(Array.from(word).length);
    var file = meta.words && meta.words[Array.from(word)[0]];
    if (!max || !file) return Promise.resolve(null);
    return load('w/' + file + '.json').then(function (terms) {
      var best = null;
      terms.forEach(function (t) {
        var d = distance(word, t[0], max);
        if (d === 0 || d === Infinity) return;
        if (!best || d < best.d || (d === best.d && (t[1] > best.docs || (t[1] === best.docs && t[0] < best.term)))) {
          best = { d: d, docs: t[1], term: t[0] };
        }
      });
      return best && best.term;
    });
  }
  // The query as typed; when it finds nothing, again with each word that matched no
  // term replaced by its correction.
  function find(meta, text) {
    var wanted = words(fold(text));
    var openEnd = !/\s$/.test(text);
    return lookup(meta, wanted, openEnd).then(function (found) {
      if (found.results.length || !found.unmatched.some(Boolean)) return { results: found.results, corrected: null };
      return Promise.all(wanted.map(function (w, i) {
        return found.unmatched[i] ? correction(meta, w) : Promise.resolve(null);
      })).then(function (fixes) {
        if (!fixes.some(Boolean)) return { results: [], corrected: null };
        var fixed = wanted.map(function (w, i) { return fixes[i] || w; });
        var lastKept = !fixes[fixes.length - 1];
        return lookup(meta, fixed, openEnd && lastKept).then(function (again) {
          return { results: again.results, corrected: again.results.length ? fixed.join(' ') : null };
        });
      });
    });
  }

  // Where a document is stored: meta.per_file to an f/ file, and the quotes, which
  // come last, meta.quotes_per_file to a q/ file (stored_at in Rust).
  function stored(meta, doc) {
    var quotes = (meta.kinds || []).filter(function (k) { return k[0] === 'quote'; })[0];
    var from = quotes ? quotes[1] : meta.docs;
    if (doc >= from) {
      var qper = meta.quotes_per_file || 1;
      return ['q/' + Math.floor((doc - from) / qper) + '.json', (doc - from) % qper];
    }
    var per = meta.per_file || 1;
    return ['f/' + Math.floor(doc / per) + '.json', doc % per];
  }

  function kindOf(meta, doc) {
    var ranges = meta.kinds || [];
    for (var i = 0; i < ranges.length; i++) {
      if (doc >= ranges[i][1] && doc < ranges[i][2]) return ranges[i][0];
    }
    return null;
  }
  function selectedKind() {
    var checked = form.querySelector('input[name="kind"]:checked');
    return checked && FILTERS[checked.value] ? checked.value : '';
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

  // An article's paragraph is not in the index: it is on the article's page, which is
  // fetched once for all of its results and read as a reader reads it, without the ¶
  // link and the speaker labels the page adds. Parsed, never run: DOMParser's document
  // executes no script.
  var pages = {};
  function onPage(url, anchor) {
    if (!pages[url]) {
      pages[url] = fetch(link(url)).then(function (r) {
        return r.ok ? r.text() : '';
      }).then(function (html) {
        return new DOMParser().parseFromString(html, 'text/html');
      }).catch(function () { return null; });
    }
    return pages[url].then(function (page) {
      var p = page && page.getElementById(anchor.slice(1));
      if (!p) return '';
      var copy = p.cloneNode(true);
      // Less what the page adds: the speaker after a quote, the paragraph's ¶ link to itself.
      Array.prototype.forEach.call(copy.querySelectorAll('a'), function (n) {
        if (n.classList.contains('speaker') || n.getAttribute('href') === anchor) n.remove();
      });
      return copy.textContent.replace(/\s+/g, ' ').trim();
    });
  }

  function item(r, d, best) {
    var shown = bestPassage(r.passages);
    var passage = d.passages[shown] || ['', ''];
    var li = document.createElement('li');
    li.className = 'search-result kind-' + d.kind + (best ? ' best-match' : '');
    var h = document.createElement('h2');
    var a = document.createElement('a');
    a.href = link(d.url + passage[1]);
    a.textContent = d.title;
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement('p');
    meta.className = 'meta';
    var badge = document.createElement('span');
    badge.className = 'kind';
    badge.textContent = best ? WORDS.best : (WORDS.kind[d.kind] || d.kind);
    meta.appendChild(badge);
    if (d.meta) meta.appendChild(document.createTextNode(' · ' + d.meta));
    li.appendChild(meta);
    if (shown !== 0 && passage[0] !== '') {
      var p = document.createElement('p');
      p.className = 'passage';
      li.appendChild(p);
      var text = passage[0] === null ? onPage(d.url, passage[1]) : Promise.resolve(passage[0]);
      text.then(function (t) {
        if (t) p.appendChild(highlighted(t, r.terms)); else p.remove();
      });
    }
    return li;
  }

  // A person whose name holds every word of the query leads the results, marked.
  function isBest(r, d, wanted) {
    return d.kind === 'person' && r.passages.has(0) && r.passages.get(0).size === wanted;
  }

  // The state of the results on the page: what was searched and how many are shown.
  var state = null;

  function showMore(focusFirst) {
    var s = state;
    var page = s.results.slice(s.shown, s.shown + LIMIT);
    return Promise.all(page.map(function (r) {
      var at = stored(s.meta, r.doc);
      return load(at[0]).then(function (file) { return file[at[1]]; });
    })).then(function (docs) {
      if (s !== state) return;
      var first = null;
      docs.forEach(function (d, i) {
        if (!d) return;
        var li = item(page[i], d, s.shown === 0 && i === 0 && isBest(page[i], d, s.wanted));
        if (!first) first = li;
        list.appendChild(li);
      });
      s.shown += page.length;
      var n = s.results.length;
      if (more) {
        more.hidden = s.shown >= n;
        more.textContent = say(WORDS.more, { n: Math.min(LIMIT, n - s.shown), left: n - s.shown });
      }
      if (focusFirst && first) first.querySelector('a').focus();
      return s.shown;
    });
  }

  function label(n, kind) {
    return say(WORDS.count[kind || 'all'], { n: n });
  }

  function show(text, meta, found) {
    var kind = selectedKind();
    var all = found.results;
    // How many of each kind, on the filters.
    var counts = {};
    all.forEach(function (r) { var k = kindOf(meta, r.doc); counts[k] = (counts[k] || 0) + 1; });
    if (kinds) {
      Array.prototype.forEach.call(kinds.querySelectorAll('input[name="kind"]'), function (box) {
        var n = box.value ? FILTERS[box.value].reduce(function (t, k) { return t + (counts[k] || 0); }, 0) : all.length;
        var c = box.parentNode.querySelector('.count');
        if (c) c.textContent = ' (' + n + ')';
      });
    }
    var results = kind ? all.filter(function (r) { return FILTERS[kind].indexOf(kindOf(meta, r.doc)) >= 0; }) : all;
    list.textContent = '';
    state = { meta: meta, results: results, shown: 0, wanted: words(fold(found.corrected || text)).length };
    var shownText = found.corrected || text.trim();
    if (suggest) {
      suggest.textContent = '';
      suggest.hidden = !found.corrected;
      if (found.corrected) {
        suggest.appendChild(document.createTextNode(say(WORDS.did_you_mean, { q: text.trim() })));
        var a = document.createElement('a');
        var url = new URL(window.location.href);
        url.searchParams.set('q', found.corrected);
        a.href = url.search;
        a.textContent = found.corrected;
        a.addEventListener('click', function (e) {
          e.preventDefault();
          input.value = found.corrected;
          remember();
          run(found.corrected);
        });
        suggest.appendChild(a);
        suggest.appendChild(document.createTextNode(WORDS.showing));
      }
    }
    var n = results.length;
    status.textContent = n === 0
      ? (all.length ? say(WORDS.none_of_kind[kind], { all: label(all.length), q: shownText }) : say(WORDS.nothing, { q: text.trim() }))
      : say(n > LIMIT ? WORDS.found_first : WORDS.found, { count: label(n, kind), q: shownText, limit: LIMIT });
    if (more) more.hidden = true;
    return showMore(false);
  }

  function run(text) {
    var ticket = ++current;
    if (!text.trim()) {
      list.textContent = ''; status.textContent = '';
      if (suggest) suggest.hidden = true;
      if (more) more.hidden = true;
      return;
    }
    load('index.json').then(function (meta) {
      return find(meta, text).then(function (found) {
        if (ticket === current) return show(text, meta, found);
      });
    }).catch(function () {
      if (ticket !== current) return;
      list.textContent = '';
      status.textContent = fromDisk ? WORDS.from_disk : WORDS.failed;
      nojs.hidden = false;
    });
  }

  // The query and the filter in the address, so a search can be shared and reloaded.
  function remember() {
    var url = new URL(window.location.href);
    if (input.value) url.searchParams.set('q', input.value); else url.searchParams.delete('q');
    var kind = selectedKind();
    if (kind) url.searchParams.set('kind', kind); else url.searchParams.delete('kind');
    window.history.replaceState(null, '', url);
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      remember();
      run(input.value);
    }, 150);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    remember();
    run(input.value);
  });
  if (kinds) {
    kinds.addEventListener('change', function () {
      remember();
      run(input.value);
    });
  }
  if (more) {
    more.addEventListener('click', function () {
      if (state) showMore(true);
    });
  }
  var params = new URLSearchParams(window.location.search);
  var kind = params.get('kind');
  if (kind && FILTERS[kind] && kinds) {
    var box = kinds.querySelector('input[name="kind"][value="' + kind + '"]');
    if (box) box.checked = true;
  }
  var q = params.get('q');
  if (q) { input.value = q; run(q); }
})();
