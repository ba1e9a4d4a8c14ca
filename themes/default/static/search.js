// chiso search: reads the index chiso writes under /tim-kiem/ (see
// src/search/files.rs) and ranks in the reader's browser. No requests off
// the site, no dependencies. Folding and tokens follow src/search/fold.rs.
(function () {
  "use strict";
  var form = document.getElementById("tim-kiem");
  if (!form || !window.fetch || !String.prototype.normalize) return;
  var base = form.getAttribute("data-index");
  var input = document.getElementById("tu-khoa");
  var catSel = document.getElementById("chuyen-muc");
  var yearSel = document.getElementById("nam");
  var status = document.getElementById("trang-thai");
  var list = document.getElementById("ket-qua");
  var more = document.getElementById("xem-them");
  var PAGE = 10;
  var MAX_TOKEN_BYTES = 40;
  var WORD = /[\p{Alphabetic}\p{N}\u0300-\u036f]+/gu;
  var enc = new TextEncoder();
  var metaP = null;
  var shards = {};
  var frags = {};

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").normalize("NFC");
  }
  function exact(s) { return s.normalize("NFC").toLowerCase(); }
  // [[exact, folded], …] in order, as the index has them.
  function tokens(text) {
    var out = [];
    (text.match(WORD) || []).forEach(function (w) {
      if (enc.encode(w).length > MAX_TOKEN_BYTES) return;
      var e = exact(w);
      out.push([e, fold(e)]);
    });
    return out;
  }
  function fnv(s) {
    var b = enc.encode(s), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) {
      h = Math.imul((h ^ b[i]) >>> 0, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }
  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }
  function meta() {
    if (!metaP) {
      metaP = getJSON(base + "meta.json").then(function (m) {
        var c = [], y = [];
        each(m.c, function (v) { c.push(v); });
        m.y.forEach(function (run) {
          for (var i = 0; i < run[1]; i++) y.push(run[0]);
        });
        m.c = c;
        m.y = y;
        return m;
      });
    }
    return metaP;
  }
  function entry(m, key) {
    var n = fnv(key) % m.shards;
    if (!shards[n]) shards[n] = getJSON(base + "i/" + n + ".json?v=" + m.v);
    return shards[n].then(function (s) {
      return Object.prototype.hasOwnProperty.call(s, key) ? s[key] : null;
    });
  }
  function frag(m, d) {
    if (!frags[d]) frags[d] = getJSON(base + "d/" + d + ".json?v=" + m.v);
    return frags[d];
  }

  // The query: every word must match; words in quotes must stand together.
  function parse(q) {
    var words = [], pairs = [];
    q.split(/["“”]/).forEach(function (part, i) {
      var t = tokens(part);
      t.forEach(function (tok, j) {
        words.push(tok);
        if (j > 0) pairs.push({ key: t[j - 1][1] + " " + tok[1], phrase: i % 2 === 1 });
      });
    });
    return { words: words, pairs: pairs };
  }

  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = {};
  for (var k = 0; k < 64; k++) DIGIT[DIGITS.charAt(k)] = k;
  // The varints of a postings string (src/search/postings.rs).
  function each(str, fn) {
    var v = 0, mul = 1;
    for (var i = 0; i < str.length; i++) {
      var c = DIGIT[str.charAt(i)];
      v += (c & 31) * mul;
      if (c & 32) {
        mul *= 32;
      } else {
        fn(v);
        v = 0;
        mul = 1;
      }
    }
  }

  // doc → score of one word, title above body. Marks typed narrow: when
  // the index has the word with exactly those marks, other forms drop out.
  function wordScores(forms, tok) {
    var m = new Map();
    if (!forms) return m;
    if (tok[0] !== tok[1]) {
      var same = forms.filter(function (f) { return f[0] === tok[0]; });
      if (same.length) forms = same;
    }
    forms.forEach(function (form) {
      var d = 0;
      each(form[1], function (v) {
        d += Math.floor(v / 16);
        var t = v & 8, b = v & 7;
        var s = (t ? 10 : 0) + (b ? 1 + b / 10 : 0);
        var old = m.get(d);
        if (old === undefined || s > old) m.set(d, s);
      });
    });
    return m;
  }
  // doc → score of a pair of neighbouring words.
  function pairScores(str) {
    var m = new Map(), d = 0;
    if (str) {
      each(str, function (v) {
        d += Math.floor(v / 2);
        m.set(d, v & 1 ? 6 : 3);
      });
    }
    return m;
  }

  // Ranked results: [{doc, score}], best first, newer first on ties.
  function search(q, cat, year) {
    var p = parse(q);
    if (!p.words.length) return Promise.resolve([]);
    return meta().then(function (m) {
      var w = p.words.map(function (t) { return entry(m, t[1]); });
      var pr = p.pairs.map(function (x) { return entry(m, x.key); });
      return Promise.all([Promise.all(w), Promise.all(pr)]).then(function (got) {
        var maps = got[0].map(function (f, i) { return wordScores(f, p.words[i]); });
        var pmaps = got[1].map(pairScores);
        maps.sort(function (a, b) { return a.size - b.size; });
        var out = [];
        maps[0].forEach(function (s0, d) {
          if (cat !== "" && m.c[d] !== +cat) return;
          if (year !== "" && m.y[d] !== +year) return;
          var s = s0;
          for (var i = 1; i < maps.length; i++) {
            var x = maps[i].get(d);
            if (x === undefined) return;
            s += x;
          }
          for (var k = 0; k < pmaps.length; k++) {
            var y = pmaps[k].get(d);
            if (y === undefined) {
              if (p.pairs[k].phrase) return;
            } else {
              s += y;
            }
          }
          out.push({ doc: d, score: s });
        });
        out.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        return out;
      });
    });
  }

  // The excerpt: words around the first match, matches in <mark>.
  function excerpt(text, folded) {
    var words = [], re = new RegExp(WORD.source, "gu"), x, first = -1;
    while ((x = re.exec(text))) {
      var hit = folded.has(fold(x[0]));
      words.push([x.index, x.index + x[0].length, hit]);
      if (hit && first < 0) first = words.length - 1;
    }
    var from = Math.max(0, first - 12), to = Math.min(words.length, from + 36);
    var p = document.createElement("p");
    p.className = "search-excerpt";
    if (!words.length) return p;
    var pos = words[from][0];
    if (from > 0) p.appendChild(document.createTextNode("… "));
    for (var i = from; i < to; i++) {
      var w = words[i];
      p.appendChild(document.createTextNode(text.slice(pos, w[0])));
      var t = document.createTextNode(text.slice(w[0], w[1]));
      if (w[2]) {
        var mk = document.createElement("mark");
        mk.appendChild(t);
        p.appendChild(mk);
      } else {
        p.appendChild(t);
      }
      pos = w[1];
    }
    p.appendChild(document.createTextNode(to < words.length ? " …" : text.slice(pos)));
    return p;
  }

  function item(f, folded) {
    var li = document.createElement("li");
    var h = document.createElement("h2");
    h.className = "search-title";
    var a = document.createElement("a");
    a.href = f.u;
    a.textContent = f.t;
    h.appendChild(a);
    li.appendChild(h);
    var info = document.createElement("p");
    info.className = "teaser-meta";
    info.textContent = (f.d ? f.d + " · " : "") + f.c;
    li.appendChild(info);
    li.appendChild(excerpt(f.x, folded));
    return li;
  }

  var seq = 0, results = [], shown = 0, foldedWords = new Set();
  function show(upTo, mine) {
    var batch = results.slice(shown, upTo);
    return meta().then(function (m) {
      return Promise.all(batch.map(function (r) { return frag(m, r.doc); }));
    }).then(function (fs) {
      if (mine !== seq) return;
      fs.forEach(function (f) { list.appendChild(item(f, foldedWords)); });
      shown = upTo;
      more.hidden = shown >= results.length;
    });
  }
  function run() {
    var q = input.value.trim(), mine = ++seq;
    if (!q) {
      list.textContent = "";
      status.textContent = "";
      more.hidden = true;
      return Promise.resolve();
    }
    status.textContent = "Đang tìm…";
    return search(q, catSel.value, yearSel.value).then(function (r) {
      if (mine !== seq) return;
      results = r;
      shown = 0;
      foldedWords = new Set(parse(q).words.map(function (t) { return t[1]; }));
      list.textContent = "";
      status.textContent = r.length
        ? "Tìm thấy " + r.length + " kết quả cho “" + q + "”."
        : "Không tìm thấy kết quả nào cho “" + q + "”. Hãy thử từ khác, hoặc gõ không dấu.";
      return show(Math.min(PAGE, r.length), mine);
    }).catch(function () {
      if (mine === seq) status.textContent = "Không tải được chỉ mục tìm kiếm. Mời bạn thử lại sau.";
    });
  }

  var timer = 0;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      run();
      if (window.history && history.replaceState) {
        var q = input.value.trim();
        history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname);
      }
    }, 120);
  }
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  input.addEventListener("input", later);
  catSel.addEventListener("change", run);
  yearSel.addEventListener("change", run);
  more.addEventListener("click", function () {
    show(Math.min(shown + PAGE, results.length), seq);
  });
  var start = new URLSearchParams(location.search).get("q");
  if (start) {
    input.value = start;
    run();
  }
  // For tests: the ranking the page shows, as addresses.
  window.chisoSearch = function (q, cat, year) {
    return meta().then(function (m) {
      return search(q, cat || "", year || "").then(function (r) {
        return Promise.all(r.slice(0, 10).map(function (x) { return frag(m, x.doc); }))
          .then(function (fs) {
            return fs.map(function (f, i) { return { url: f.u, title: f.t, score: r[i].score }; });
          });
      });
    });
  };
  window.chisoSearch.fold = fold;
})();
