/* Docent client-side search.
 *
 * Every <form data-search-index="…/search/manifest.json"> on the page becomes a combobox search box.
 * `docent build` writes a chunked index (see Sources/DocentSite/Search/SearchIndex.swift): a small manifest, one
 * shard per first three letters of a word (each word's stemmed term and the term's postings, scored at build time
 * with BM25, title > headings > aliases > text), the pages' sections in groups, and the filter values. A query
 * fetches the manifest, the shards of its words and the page groups of its best results, nothing else.
 * The last word matches as a prefix; a word not in the index matches words one edit away (words of five letters
 * or more), looked for in its own shard and, when the edit may be in its first three letters, in the neighbouring
 * shards the manifest lists (smallest first, within TYPO_SHARD_BYTES). A result shows the text around the words
 * found. `key:value` in the query filters by a front matter key the config names. No library. */
(function () {
  "use strict";

  var MAX_RESULTS = 8;
  var PREFIX_FACTOR = 0.7;
  var TYPO_FACTOR = 0.5;
  var TYPO_SHARD_BYTES = 400000;
  var SNIPPET_LENGTH = 180;
  var indexes = {};
  var boxCount = 0;

  /* -- Index ---------------------------------------------------------------- */

  function fetchJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  function Index(url) {
    this.url = url;
    this.folder = url.replace(/manifest\.json(?:[?#].*)?$/, "");
    this.files = {};
  }

  Index.prototype.load = function () {
    var self = this;
    if (!this.ready) {
      this.ready = fetchJSON(this.url).then(
        function (manifest) {
          self.manifest = manifest;
          self.shardKeys = new Set(manifest.shards || []);
          self.shardBytes = new Map();
          (manifest.shards || []).forEach(function (key, i) {
            self.shardBytes.set(key, (manifest.shardBytes || [])[i] || 0);
          });
          self.stopWords = new Set(manifest.stopWords || []);
          self.filterKeys = new Set(manifest.filters || []);
          return self;
        },
        function (error) {
          self.ready = null; /* allow a retry on the next keystroke */
          throw error;
        }
      );
    }
    return this.ready;
  };

  /* A file of the index, fetched once. */
  Index.prototype.file = function (path) {
    var self = this;
    if (!this.files[path]) {
      this.files[path] = fetchJSON(this.folder + path).catch(function (error) {
        delete self.files[path];
        throw error;
      });
    }
    return this.files[path];
  };

  function shardKey(word) {
    return Array.from(word).slice(0, 3).join("");
  }

  function shardFile(key) {
    if (/^[a-z0-9]+$/.test(key)) return key;
    return "x" + Array.from(new TextEncoder().encode(key)).map(function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  Index.prototype.shard = function (word) {
    var key = shardKey(word);
    if (!this.shardKeys.has(key)) return Promise.resolve(null);
    return this.file("shards/" + shardFile(key) + ".json");
  };

  /* The shards other than the word's own where a word one edit away may be: the edit changes the first three
   * letters. Smallest first, as many as TYPO_SHARD_BYTES allows. */
  Index.prototype.neighbourShards = function (word) {
    var letters = Array.from(word);
    var own = letters.slice(0, 3).join("");
    var near = [letters.slice(0, 2).join(""), own, letters.slice(0, 4).join("")];
    var self = this;
    var keys = [];
    this.shardBytes.forEach(function (bytes, key) {
      if (key !== own && near.some(function (prefix) { return oneEditApart(key, prefix); })) keys.push(key);
    });
    keys.sort(function (a, b) { return self.shardBytes.get(a) - self.shardBytes.get(b); });
    var total = 0;
    keys = keys.filter(function (key) {
      total += self.shardBytes.get(key);
      return total <= TYPO_SHARD_BYTES;
    });
    return Promise.all(keys.map(function (key) { return self.file("shards/" + shardFile(key) + ".json"); }));
  };

  Index.prototype.pageGroup = function (page) {
    return this.file("pages/" + Math.floor(page / this.manifest.pageGroup) + ".json");
  };

  function loadIndex(url) {
    if (!indexes[url]) indexes[url] = new Index(url);
    return indexes[url].load();
  }

  /* -- Query ---------------------------------------------------------------- */

  function normalise(value) {
    return String(value || "").toLowerCase();
  }

  /* The words as the index splits them: letters and digits; a typographic quote or dash splits too. */
  function tokenize(text) {
    return normalise(text)
      .split(/[^\p{L}\p{N}\p{M}]+/u)
      .filter(function (t) {
        return t.length >= 2;
      });
  }

  /* Words and `key:value` filters. */
  function parseQuery(query, index) {
    var words = [];
    var filters = [];
    normalise(query).split(/\s+/).forEach(function (part) {
      var colon = part.indexOf(":");
      if (colon > 0 && index.filterKeys.has(part.slice(0, colon)) && colon < part.length - 1) {
        filters.push({ key: part.slice(0, colon), value: part.slice(colon + 1) });
      } else {
        words = words.concat(tokenize(part));
      }
    });
    words = words.filter(function (word) {
      return !index.stopWords.has(word);
    });
    var typingLast = /[\p{L}\p{N}]$/u.test(query);
    return { words: words, filters: filters, typingLast: typingLast };
  }

  /* True when a and b are one insertion, deletion, substitution or transposition apart. */
  function oneEditApart(a, b) {
    if (a === b) return false;
    var la = a.length;
    var lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* The terms a word matches in its shard, each with how much a match counts. */
  function matchTerms(shard, word, isPrefix, typoMinLength) {
    var found = {};
    if (!shard) return found;
    var words = shard.words;
    if (Object.prototype.hasOwnProperty.call(words, word)) found[words[word]] = 1;
    var keys = Object.keys(words);
    if (isPrefix && word.length >= 3) {
      keys.forEach(function (other) {
        if (other !== word && other.indexOf(word) === 0 && !(words[other] in found)) found[words[other]] = PREFIX_FACTOR;
      });
    }
    if (!Object.keys(found).length) found = typoTerms(shard, word, typoMinLength);
    return found;
  }

  /* The terms of words one edit away from a word (words of typoMinLength letters or more). */
  function typoTerms(shard, word, typoMinLength) {
    var found = {};
    if (!shard || word.length < typoMinLength - 1) return found;
    var words = shard.words;
    Object.keys(words).forEach(function (other) {
      if (Math.max(other.length, word.length) >= typoMinLength && oneEditApart(word, other) && !(words[other] in found)) {
        found[words[other]] = TYPO_FACTOR;
      }
    });
    return found;
  }

  /* The hits of one query word: in its shard, else (a typo in its first letters) in the neighbouring shards. */
  function lookUp(index, word, isPrefix, typoMinLength) {
    return index.shard(word).then(function (shard) {
      var terms = shard ? matchTerms(shard, word, isPrefix, typoMinLength) : {};
      if (Object.keys(terms).length || word.length < typoMinLength - 1) {
        return shard ? wordHits(shard, terms) : new Map();
      }
      return index.neighbourShards(word).then(function (shards) {
        var hits = new Map();
        shards.forEach(function (other) {
          wordHits(other, typoTerms(other, word, typoMinLength)).forEach(function (hit, page) {
            var known = hits.get(page);
            if (!known || known.score < hit.score) hits.set(page, hit);
          });
        });
        return hits;
      });
    });
  }

  /* page -> {score, sections} for one query word: its best-scoring matching term on each page. */
  function wordHits(shard, terms) {
    var hits = new Map();
    Object.keys(terms).forEach(function (term) {
      var factor = terms[term];
      var postings = shard.terms[term];
      for (var i = 0; i < postings.length; ) {
        var page = postings[i];
        var score = postings[i + 1] * factor;
        var count = postings[i + 2];
        var sections = postings.slice(i + 3, i + 3 + count);
        i += 3 + count;
        var known = hits.get(page);
        if (!known || known.score < score) hits.set(page, { score: score, sections: sections });
      }
    });
    return hits;
  }

  function filterPages(index, filters) {
    if (!filters.length) return Promise.resolve(null);
    return index.file("filters.json").then(function (all) {
      var allowed = null;
      filters.forEach(function (filter) {
        var pages = new Set(((all[filter.key] || {})[filter.value]) || []);
        allowed = allowed ? new Set(Array.from(allowed).filter(function (p) { return pages.has(p); })) : pages;
      });
      return allowed;
    });
  }

  /* The best results: [{url, title, anchor, heading, snippet}], best first; null when the query has no word. */
  function search(index, query) {
    var parsed = parseQuery(query, index);
    if (!parsed.words.length && !parsed.filters.length) return Promise.resolve(null);
    var typoMinLength = index.manifest.typoMinLength || 5;
    var lookups = parsed.words.map(function (word, i) {
      var isPrefix = i === parsed.words.length - 1 && parsed.typingLast;
      return lookUp(index, word, isPrefix, typoMinLength);
    });
    return Promise.all([Promise.all(lookups), filterPages(index, parsed.filters)]).then(function (found) {
      var perWord = found[0];
      var allowed = found[1];
      var pages = new Map();
      perWord.forEach(function (hits) {
        hits.forEach(function (hit, page) {
          if (allowed && !allowed.has(page)) return;
          var entry = pages.get(page) || { page: page, score: 0, words: 0, sections: new Map() };
          entry.score += hit.score;
          entry.words += 1;
          hit.sections.forEach(function (section, rank) {
            entry.sections.set(section, (entry.sections.get(section) || 0) + 4 - rank);
          });
          pages.set(page, entry);
        });
      });
      if (!parsed.words.length && allowed) {
        allowed.forEach(function (page) { pages.set(page, { page: page, score: 0, words: 0, sections: new Map() }); });
      }
      var ranked = Array.from(pages.values());
      var most = ranked.reduce(function (m, e) { return Math.max(m, e.words); }, 0);
      ranked = ranked
        .filter(function (e) { return e.words === most; }) /* every word if any page has them all */
        .sort(function (x, y) { return y.score - x.score || x.page - y.page; })
        .slice(0, MAX_RESULTS);
      return Promise.all(ranked.map(function (e) { return index.pageGroup(e.page); })).then(function (groups) {
        return ranked.map(function (e, i) {
          var doc = groups[i][e.page % index.manifest.pageGroup];
          var best = -1;
          var bestWeight = 0;
          e.sections.forEach(function (weight, section) {
            if (weight > bestWeight || (weight === bestWeight && section < best)) {
              best = section;
              bestWeight = weight;
            }
          });
          var section = doc[2][best] || doc[2][0] || ["", "", ""];
          return {
            url: doc[0], title: doc[1], anchor: section[0], heading: section[1],
            snippet: snippet(section[2], parsed.words)
          };
        });
      });
    });
  }

  /* The part of a section's text around the first query word in it (a word's start matches, so "updates" finds
   * "update"), cut at spaces; the text's start when no word is in it. */
  function snippet(text, words) {
    var lower = text.toLowerCase();
    var at = -1;
    words.forEach(function (word) {
      var stem = word.slice(0, Math.max(4, word.length - 2));
      var found = lower.search(new RegExp("(^|[^\\p{L}\\p{N}])" + escapeRegExp(stem), "u"));
      if (found >= 0 && lower.charAt(found) !== stem.charAt(0)) found += 1;
      if (found >= 0 && (at < 0 || found < at)) at = found;
    });
    var start = 0;
    if (at > SNIPPET_LENGTH / 3) {
      start = text.lastIndexOf(" ", at - SNIPPET_LENGTH / 3);
      start = start < 0 ? 0 : start + 1;
    }
    var end = start + SNIPPET_LENGTH;
    if (end < text.length) {
      var space = text.lastIndexOf(" ", end);
      end = space > at ? space : end;
    } else {
      end = text.length;
    }
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length && text.slice(end) !== "…" ? "…" : "");
  }

  /* -- Rendering ------------------------------------------------------------ */

  function escapeHTML(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function escapeRegExp(value) {
    return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* Escape first, then wrap matches in <mark>: reader input never becomes HTML. */
  function markUp(text, tokens) {
    var safe = escapeHTML(text);
    var parts = tokens
      .filter(function (t) {
        return t.length > 1;
      })
      .map(function (t) {
        return escapeRegExp(escapeHTML(t));
      });
    if (!parts.length) return safe;
    return safe.replace(new RegExp("(" + parts.join("|") + ")", "gi"), "<mark>$1</mark>");
  }

  function resolveURL(base, url, anchor) {
    var href = String(url);
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
    if (base && href.charAt(0) === "/" && href.indexOf(base + "/") !== 0) href = base + href;
    if (anchor) href += "#" + encodeURIComponent(anchor);
    return href;
  }

  /* -- One search box --------------------------------------------------------- */

  function SearchBox(form) {
    this.form = form;
    this.input = form.querySelector("input[type=search]");
    this.list = form.querySelector("[role=listbox]");
    this.status = form.querySelector("[role=status]");
    if (!this.input || !this.list) return;
    this.indexURL = form.getAttribute("data-search-index");
    this.base = this.indexURL.replace(/\/search\/manifest\.json(?:[?#].*)?$/, "");
    this.results = [];
    this.active = -1;
    this.idPrefix = (this.list.id || "search-results-" + ++boxCount) + "-option-";
    this.lastQuery = "";
    form.hidden = false;
    this.bind();
  }

  SearchBox.prototype.bind = function () {
    var self = this;
    this.input.addEventListener("focus", function () {
      loadIndex(self.indexURL).catch(function () {});
      if (self.input.value.trim()) self.run();
    });
    this.input.addEventListener("input", function () {
      self.run();
    });
    this.input.addEventListener("keydown", function (event) {
      self.onKey(event);
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.open(self.active >= 0 ? self.active : 0);
    });
    this.list.addEventListener("mousedown", function (event) {
      event.preventDefault(); /* keep focus in the input */
    });
    this.list.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) self.open(Number(option.getAttribute("data-index")));
    });
    document.addEventListener("click", function (event) {
      if (!self.form.contains(event.target)) self.close();
    });
  };

  SearchBox.prototype.run = function () {
    var self = this;
    var query = this.input.value;
    this.lastQuery = query;
    if (!query.trim()) {
      this.close();
      this.announce("");
      return;
    }
    loadIndex(this.indexURL)
      .then(function (index) {
        return search(index, query);
      })
      .then(
        function (results) {
          if (self.lastQuery !== query) return; /* a newer keystroke won */
          if (results === null) return self.close(); /* nothing to search for yet (one letter) */
          self.list.setAttribute("data-query", query);
          self.render(results, query);
        },
        function () {
          if (self.lastQuery === query) self.renderMessage("Search is unavailable right now.");
        }
      );
  };

  SearchBox.prototype.render = function (results, query) {
    var tokens = tokenize(query);
    var self = this;
    this.results = results;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    if (!results.length) {
      this.renderMessage("No results for “" + query.trim() + "”.");
      return;
    }
    this.list.innerHTML = results
      .map(function (result, i) {
        var heading = result.heading && result.heading !== result.title ? result.heading : "";
        return (
          '<li class="search__result" role="option" aria-selected="false" id="' +
          self.idPrefix + i + '" data-index="' + i + '" data-anchor="' + escapeHTML(result.anchor) + '">' +
          '<span class="search__result-title">' + markUp(result.title, tokens) + "</span>" +
          (heading ? '<span class="search__result-context">§ ' + markUp(heading, tokens) + "</span>" : "") +
          '<span class="search__result-snippet">' + markUp(result.snippet, tokens) + "</span>" +
          "</li>"
        );
      })
      .join("");
    this.show();
    this.announce(results.length === 1 ? "1 result" : results.length + " results");
  };

  SearchBox.prototype.renderMessage = function (message) {
    this.results = [];
    this.list.innerHTML = '<li class="search__empty" role="option" aria-disabled="true" aria-selected="false">' + escapeHTML(message) + "</li>";
    this.show();
    this.announce(message);
  };

  SearchBox.prototype.show = function () {
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  SearchBox.prototype.close = function () {
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  SearchBox.prototype.announce = function (message) {
    if (this.status) this.status.textContent = message;
  };

  SearchBox.prototype.select = function (index) {
    var options = this.list.querySelectorAll(".search__result");
    if (!options.length) return;
    if (index < 0) index = options.length - 1;
    if (index >= options.length) index = 0;
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    this.active = index;
    this.input.setAttribute("aria-activedescendant", options[index].id);
    options[index].scrollIntoView({ block: "nearest" });
  };

  SearchBox.prototype.open = function (index) {
    var result = this.results[index];
    if (!result) return;
    window.location.href = resolveURL(this.base, result.url, result.anchor);
  };

  SearchBox.prototype.onKey = function (event) {
    var expanded = !this.list.hidden;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!expanded) this.run();
        else this.select(this.active + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (expanded) this.select(this.active - 1);
        break;
      case "Home":
      case "End":
        if (expanded && this.active >= 0) {
          event.preventDefault();
          this.select(event.key === "Home" ? 0 : this.results.length - 1);
        }
        break;
      case "Enter":
        if (expanded && this.results.length) {
          event.preventDefault();
          this.open(this.active >= 0 ? this.active : 0);
        }
        break;
      case "Escape":
        if (expanded) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = "";
          this.announce("");
        }
        break;
      case "Tab":
        this.close();
        break;
    }
  };

  /* -- Start ------------------------------------------------------------------ */

  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function start() {
    if (!window.fetch || !Array.prototype.forEach) return;
    var boxes = [];
    document.querySelectorAll("form[data-search-index]").forEach(function (form) {
      boxes.push(new SearchBox(form));
    });
    if (!boxes.length) return;

    /* "/" focuses the first search box that is visible, as on most docs sites. */
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      for (var i = 0; i < boxes.length; i++) {
        var input = boxes[i].input;
        if (input && input.offsetParent !== null) {
          event.preventDefault();
          input.focus();
          return;
        }
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
