/* Docent client-side search.
 *
 * Every <form data-search-index="…/search.json"> on the page becomes a combobox search box.
 * The index is an array of {title, url, headings, aliases, text} written by `docent build`.
 * It is fetched once, on first use, and searched in memory with simple weighted scoring:
 * title > aliases > headings > body text. No library. Forms stay hidden without JavaScript. */
(function () {
  "use strict";

  var MAX_RESULTS = 8;
  var indexPromise = null;
  var boxCount = 0;

  /* -- Index ---------------------------------------------------------------- */

  function normalise(value) {
    return String(value || "")
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "");
  }

  function headingText(heading) {
    return typeof heading === "string" ? heading : (heading && (heading.text || heading.title)) || "";
  }

  /* The id Docent gives a heading (GitHub style: lowercase, spaces to "-", punctuation dropped,
   * repeats numbered -1, -2 …), used when the index lists headings as plain strings. */
  function headingIDs(headings) {
    var used = {};
    return headings.map(function (heading) {
      if (heading && typeof heading === "object" && heading.id) return heading.id;
      var base = "";
      Array.from(headingText(heading)).forEach(function (ch) {
        if (ch === " ") base += "-";
        else if (ch === "-" || ch === "_") base += ch;
        else if (/[\p{L}\p{N}\p{Mn}]/u.test(ch)) base += ch.toLowerCase();
      });
      if (!(base in used)) {
        used[base] = 1;
        return base;
      }
      var n = used[base];
      while (base + "-" + n in used) n++;
      used[base] = n + 1;
      used[base + "-" + n] = 1;
      return base + "-" + n;
    });
  }

  function prepare(raw) {
    if (!Array.isArray(raw)) return [];
    return raw
      .filter(function (doc) {
        return doc && doc.url && doc.title;
      })
      .map(function (doc) {
        var headings = Array.isArray(doc.headings) ? doc.headings : [];
        var aliases = Array.isArray(doc.aliases) ? doc.aliases : [];
        var ids = headingIDs(headings);
        return {
          doc: doc,
          title: normalise(doc.title),
          aliases: aliases.map(normalise),
          headings: headings.map(function (h, i) {
            return { raw: { text: headingText(h), id: ids[i] }, text: normalise(headingText(h)) };
          }),
          text: normalise(doc.text)
        };
      });
  }

  function loadIndex(url) {
    if (!indexPromise) {
      indexPromise = fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(prepare)
        .catch(function (error) {
          indexPromise = null; /* allow a retry on the next keystroke */
          throw error;
        });
    }
    return indexPromise;
  }

  /* -- Scoring -------------------------------------------------------------- */

  function tokenize(query) {
    return normalise(query)
      .split(/[^\p{L}\p{N}_@.-]+/u)
      .map(function (t) {
        return t.replace(/^[.-]+|[.-]+$/g, "");
      })
      .filter(function (t) {
        return t.length > 0;
      });
  }

  function wordStart(haystack, token) {
    var at = haystack.indexOf(token);
    while (at !== -1) {
      if (at === 0 || !/[\p{L}\p{N}]/u.test(haystack.charAt(at - 1))) return true;
      at = haystack.indexOf(token, at + 1);
    }
    return false;
  }

  function scoreEntry(entry, tokens, phrase) {
    var score = 0;
    var bestHeading = null;
    for (var i = 0; i < tokens.length; i++) {
      var token = tokens[i];
      var tokenScore = 0;

      if (entry.title.indexOf(token) !== -1) tokenScore += wordStart(entry.title, token) ? 12 : 6;

      for (var a = 0; a < entry.aliases.length; a++) {
        if (entry.aliases[a].indexOf(token) !== -1) {
          tokenScore += wordStart(entry.aliases[a], token) ? 9 : 4;
          break;
        }
      }

      for (var h = 0; h < entry.headings.length; h++) {
        if (entry.headings[h].text.indexOf(token) !== -1) {
          tokenScore += wordStart(entry.headings[h].text, token) ? 5 : 2;
          break;
        }
      }

      var at = entry.text.indexOf(token);
      if (at !== -1) {
        var hits = 0;
        while (at !== -1 && hits < 5) {
          hits++;
          at = entry.text.indexOf(token, at + token.length);
        }
        tokenScore += hits;
      }

      if (tokenScore === 0) return null; /* every word must match somewhere */
      score += tokenScore;
    }

    /* The heading shown under the result: the one that matches the most words (the whole phrase wins). */
    var bestMatches = 0;
    for (var k = 0; k < entry.headings.length; k++) {
      var text = entry.headings[k].text;
      var matches = text.indexOf(phrase) !== -1 ? tokens.length + 1 : 0;
      if (!matches) {
        for (var m = 0; m < tokens.length; m++) if (text.indexOf(tokens[m]) !== -1) matches++;
      }
      if (matches > bestMatches) {
        bestMatches = matches;
        bestHeading = entry.headings[k].raw;
      }
    }
    if (bestMatches > tokens.length) score += 6;

    if (phrase.length > 2) {
      if (entry.title === phrase) score += 30;
      else if (entry.title.indexOf(phrase) !== -1) score += 15;
      if (entry.aliases.indexOf(phrase) !== -1) score += 12;
      if (tokens.length > 1 && entry.text.indexOf(phrase) !== -1) score += 4;
    }
    return { score: score, heading: bestHeading };
  }

  function search(entries, query) {
    var tokens = tokenize(query);
    if (!tokens.length) return [];
    var phrase = normalise(query).trim();
    var results = [];
    entries.forEach(function (entry) {
      var hit = scoreEntry(entry, tokens, phrase);
      if (hit) results.push({ entry: entry, score: hit.score, heading: hit.heading });
    });
    results.sort(function (x, y) {
      return y.score - x.score || x.entry.doc.title.localeCompare(y.entry.doc.title);
    });
    return results.slice(0, MAX_RESULTS);
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

  function snippet(doc, tokens) {
    var text = String(doc.text || "").replace(/\s+/g, " ");
    var lower = normalise(text);
    var at = -1;
    for (var i = 0; i < tokens.length && at === -1; i++) at = lower.indexOf(tokens[i]);
    if (at === -1) return text.slice(0, 110) + (text.length > 110 ? "…" : "");
    var start = Math.max(0, at - 40);
    var end = Math.min(text.length, at + 90);
    return (start > 0 ? "…" : "") + text.slice(start, end).trim() + (end < text.length ? "…" : "");
  }

  function resolveURL(base, url, heading) {
    var href = String(url);
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
    if (base && href.charAt(0) === "/" && href.indexOf(base + "/") !== 0) href = base + href;
    if (heading && typeof heading === "object" && heading.id) href += "#" + encodeURIComponent(heading.id);
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
    this.base = this.indexURL.replace(/\/search\.json(?:[?#].*)?$/, "");
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
    loadIndex(this.indexURL).then(
      function (entries) {
        if (self.lastQuery !== query) return; /* a newer keystroke won */
        self.render(search(entries, query), query);
      },
      function () {
        self.renderMessage("Search is unavailable right now.");
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
        var doc = result.entry.doc;
        var context = result.heading ? headingText(result.heading) : snippet(doc, tokens);
        return (
          '<li class="search__result" role="option" aria-selected="false" id="' +
          self.idPrefix + i + '" data-index="' + i + '">' +
          '<span class="search__result-title">' + markUp(doc.title, tokens) + "</span>" +
          '<span class="search__result-context">' + (result.heading ? "§ " : "") + markUp(context, tokens) + "</span>" +
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
    window.location.href = resolveURL(this.base, result.entry.doc.url, result.heading);
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
