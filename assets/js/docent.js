/* Docent page behaviour: sidebar menu, tables, code blocks (language label + copy),
 * heading anchors, table-of-contents highlighting, linkable FAQs.
 * Everything here is progressive enhancement: the page works without it. */
(function () {
  "use strict";

  var prose = document.querySelectorAll(".prose");

  /* Sidebar: a <details> that is open by default (so it works without JS).
   * On narrow screens it starts closed and acts as a menu button. */
  function foldOnNarrowScreens(details, query) {
    if (!details || !window.matchMedia) return;
    var narrow = window.matchMedia(query);
    function sync() {
      details.open = !narrow.matches;
    }
    sync();
    if (narrow.addEventListener) narrow.addEventListener("change", sync);
    details.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && narrow.matches && details.open) {
        details.open = false;
        details.querySelector("summary").focus();
      }
    });
  }

  function setUpSidebar() {
    foldOnNarrowScreens(document.querySelector("[data-sidebar]"), "(max-width: 899px)");
    /* The on-page TOC also folds when it sits above the article. */
    foldOnNarrowScreens(document.querySelector("[data-toc]"), "(max-width: 1199px)");
  }

  /* Tables: wrap so that wide tables scroll inside the page, not the page itself. */
  function wrapTables() {
    var wraps = [];
    prose.forEach(function (root) {
      root.querySelectorAll("table").forEach(function (table) {
        /* A code block's line numbers (Rouge's table) scroll with their block. */
        if (table.parentElement.classList.contains("table-wrap") || table.closest("pre")) return;
        var wrap = document.createElement("div");
        wrap.className = "table-wrap";
        table.parentNode.insertBefore(wrap, table);
        wrap.appendChild(table);
        wraps.push(wrap);
      });
    });
    function markScrollable() {
      wraps.forEach(function (wrap) {
        if (wrap.scrollWidth > wrap.clientWidth + 1) {
          wrap.setAttribute("tabindex", "0");
          wrap.setAttribute("role", "region");
          wrap.setAttribute("aria-label", "Scrollable table");
        } else {
          wrap.removeAttribute("tabindex");
          wrap.removeAttribute("role");
          wrap.removeAttribute("aria-label");
        }
      });
    }
    markScrollable();
    window.addEventListener("resize", markScrollable);
  }

  /* Code blocks (highlighted when the site was built): label the language, add Copy. Rouge's markup puts the
   * language class on the block's outer element, Jekyll's highlight tag on the code itself. */
  function languageOf(code) {
    var owner = code.closest("[class*=language-]");
    var match = owner ? /(?:^|\s)language-([\w+#.-]+)/.exec(owner.className) : null;
    return match ? match[1] : "";
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (error) {
        ok = false;
      }
      document.body.removeChild(area);
      if (ok) resolve();
      else reject(new Error("copy failed"));
    });
  }

  function enhanceCodeBlocks() {
    prose.forEach(function (root) {
      root.querySelectorAll("pre").forEach(function (pre) {
        var code = pre.querySelector("code");
        if (!code || pre.parentElement.classList.contains("code-block")) return;
        var block = document.createElement("div");
        block.className = "code-block";
        pre.parentNode.insertBefore(block, pre);
        block.appendChild(pre);

        var language = languageOf(code);
        if (language && language !== "text" && language !== "plaintext") {
          var label = document.createElement("span");
          label.className = "code-block__lang";
          label.setAttribute("aria-hidden", "true");
          label.textContent = language;
          block.appendChild(label);
        }

        var button = document.createElement("button");
        button.type = "button";
        button.className = "copy-button";
        button.textContent = "Copy";
        button.setAttribute("aria-label", "Copy code to clipboard");
        button.addEventListener("click", function () {
          /* With line numbers (Rouge's table) only the code column is copied; textContent, as innerText adds a
           * line break after each marked line (a block). */
          var source = code.querySelector("td.code pre") || code;
          copyText(source.textContent.replace(/\n$/, "")).then(
            function () {
              button.textContent = "Copied";
              button.setAttribute("data-copied", "");
              button.setAttribute("aria-label", "Copied to clipboard");
              window.setTimeout(function () {
                button.textContent = "Copy";
                button.removeAttribute("data-copied");
                button.setAttribute("aria-label", "Copy code to clipboard");
              }, 2000);
            },
            function () {
              button.textContent = "Press Ctrl+C";
            }
          );
        });
        block.appendChild(button);
      });
    });
  }

  /* "Copy page as Markdown": fetches the page's Markdown twin (index.md beside index.html) and copies it. */
  function enableCopyPage() {
    document.querySelectorAll(".copy-page-button[data-markdown-url]").forEach(function (button) {
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        fetch(button.getAttribute("data-markdown-url"), { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) throw new Error("HTTP " + response.status);
            return response.text();
          })
          .then(copyText)
          .then(
            function () {
              button.textContent = "Copied";
              button.setAttribute("data-copied", "");
              window.setTimeout(function () {
                button.textContent = label;
                button.removeAttribute("data-copied");
              }, 2000);
            },
            function () {
              button.textContent = "Copy failed";
            }
          );
      });
    });
  }

  /* Heading anchors: a "#" link after each h2/h3 with an id. */
  function addHeadingAnchors() {
    prose.forEach(function (root) {
      if (root.closest(".faq")) return;
      root.querySelectorAll("h2[id], h3[id], h4[id]").forEach(function (heading) {
        if (heading.querySelector(".heading-anchor")) return;
        var link = document.createElement("a");
        link.className = "heading-anchor";
        link.href = "#" + heading.id;
        link.setAttribute("aria-label", "Link to section: " + heading.textContent.trim());
        link.textContent = "#";
        heading.appendChild(link);
      });
    });
  }

  /* Table of contents: mark the section being read with aria-current="true". */
  function highlightToc() {
    var links = Array.prototype.slice.call(document.querySelectorAll(".toc__link"));
    if (!links.length || !("IntersectionObserver" in window)) return;
    var targets = [];
    links.forEach(function (link) {
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      var target = document.getElementById(id);
      if (target) targets.push({ link: link, target: target });
    });
    if (!targets.length) return;

    var visible = new Set();
    function update() {
      var current = null;
      for (var i = 0; i < targets.length; i++) {
        if (visible.has(targets[i].target)) {
          current = targets[i];
          break;
        }
      }
      if (!current) {
        /* Between headings: the last heading above the viewport wins. */
        for (var j = targets.length - 1; j >= 0; j--) {
          if (targets[j].target.getBoundingClientRect().top < 120) {
            current = targets[j];
            break;
          }
        }
      }
      targets.forEach(function (entry) {
        if (entry === current) entry.link.setAttribute("aria-current", "true");
        else entry.link.removeAttribute("aria-current");
      });
    }

    var observer = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) visible.add(entry.target);
          else visible.delete(entry.target);
        });
        update();
      },
      { rootMargin: "-64px 0px -60% 0px" }
    );
    targets.forEach(function (entry) {
      observer.observe(entry.target);
    });
  }

  /* FAQs: <details id="…"> open when the address points at them or at something inside. */
  function openTargetedFaq() {
    if (!location.hash) return;
    var target;
    try {
      target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch (error) {
      return;
    }
    if (!target) return;
    var details = target.closest("details");
    if (details && !details.open) {
      details.open = true;
      target.scrollIntoView();
    }
  }

  /* Keep the URL in step when a reader opens an FAQ, so it can be shared. */
  function trackFaqs() {
    document.querySelectorAll("details.faq[id]").forEach(function (faq) {
      faq.addEventListener("toggle", function () {
        if (faq.open && history.replaceState) {
          history.replaceState(null, "", "#" + faq.id);
        }
      });
    });
  }

  /* The header's theme menu: auto (the system's), light or dark; kept in localStorage and applied before the first
     paint by the script in head.html (no flash). */
  var THEME_KEY = "docent-theme";

  function applyTheme(choice) {
    var root = document.documentElement;
    if (choice === "light" || choice === "dark") {
      root.dataset.theme = choice;
    } else {
      delete root.dataset.theme;
    }
    // The browser's own chrome and the pictures' dark variants follow: only what the chosen scheme's media query
    // names stays in force.
    var chosen = choice === "light" || choice === "dark";
    document
      .querySelectorAll(
        'meta[name="theme-color"][media], picture source[media*="prefers-color-scheme"], picture source[data-media]'
      )
      .forEach(function (element) {
        if (!element.dataset.media) element.dataset.media = element.getAttribute("media");
        var scheme = element.dataset.media.indexOf("dark") >= 0 ? "dark" : "light";
        element.setAttribute("media", chosen ? (choice === scheme ? "all" : "not all") : element.dataset.media);
      });
  }

  function setUpThemeSwitch() {
    var wrapper = document.querySelector("[data-theme-switch]");
    if (!wrapper) return;
    var select = wrapper.querySelector("select");
    var stored = null;
    try {
      stored = localStorage.getItem(THEME_KEY);
    } catch (error) {}
    select.value = stored === "light" || stored === "dark" ? stored : "auto";
    applyTheme(select.value);
    wrapper.hidden = false;
    select.addEventListener("change", function () {
      try {
        if (select.value === "auto") localStorage.removeItem(THEME_KEY);
        else localStorage.setItem(THEME_KEY, select.value);
      } catch (error) {}
      applyTheme(select.value);
    });
  }

  /* The announcement banner's close button: the banner's id is remembered, so it stays closed until it changes. */
  function setUpBanner() {
    var banner = document.querySelector("[data-banner-id]");
    var close = banner && banner.querySelector("[data-banner-close]");
    if (!close) return;
    close.hidden = false;
    close.addEventListener("click", function () {
      try {
        localStorage.setItem("docent-banner-" + banner.dataset.bannerId, "1");
      } catch (error) {}
      document.documentElement.dataset.bannerDismissed = "";
      var main = document.getElementById("main");
      if (main) main.focus();
    });
  }

  function start() {
    setUpThemeSwitch();
    setUpBanner();
    setUpSidebar();
    wrapTables();
    enhanceCodeBlocks();
    addHeadingAnchors();
    enableCopyPage();
    highlightToc();
    openTargetedFaq();
    trackFaqs();
    window.addEventListener("hashchange", openTargetedFaq);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
