/* Docent tabs: turns each {% tabs %} set into a WAI-ARIA tablist.
 * Without this script every panel shows, each under its title.
 * With it: one tab button per panel (role=tab, aria-selected, aria-controls, roving tabindex; Left/Right/Home/End
 * move and select), panels as role=tabpanel; choosing a tab of a set with a group (data-tabs-group) selects the tab
 * of the same title in every set of that group on the page, and the choice is remembered per group in
 * localStorage. A set whose group has no tab with the remembered title keeps its first. A link to a heading inside
 * a hidden panel opens that panel, and so does a "docent-reveal" event from inside one (the walkthrough's current
 * step). */
(function () {
  "use strict";

  var STORAGE_PREFIX = "docent-tabs:";
  var sets = [];

  function remembered(group) {
    try {
      return window.localStorage.getItem(STORAGE_PREFIX + group);
    } catch (error) {
      return null;
    }
  }

  function remember(group, title) {
    try {
      window.localStorage.setItem(STORAGE_PREFIX + group, title);
    } catch (error) {
      /* Storage refused (private mode, quota): the choice lasts for this page only. */
    }
  }

  /* An id not yet in the page. */
  function freshId(base) {
    var id = base;
    var n = 1;
    while (document.getElementById(id)) {
      n += 1;
      id = base + "-" + n;
    }
    return id;
  }

  function enhance(root, setIndex) {
    var panels = Array.prototype.filter.call(root.children, function (child) {
      return child.classList.contains("docent-tab");
    });
    if (panels.length === 0) return null;
    var tablist = document.createElement("div");
    tablist.className = "docent-tabs__list";
    tablist.setAttribute("role", "tablist");
    var set = { root: root, group: root.getAttribute("data-tabs-group"), tabs: [], panels: panels };
    panels.forEach(function (panel, index) {
      var title = panel.getAttribute("data-tab-title") || "Tab " + (index + 1);
      var base = "docent-tabs-" + (setIndex + 1) + "-" + (index + 1);
      var tab = document.createElement("button");
      tab.type = "button";
      tab.className = "docent-tabs__tab";
      tab.id = freshId(base + "-tab");
      tab.textContent = title;
      tab.setAttribute("role", "tab");
      panel.id = panel.id || freshId(base + "-panel");
      tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.setAttribute("tabindex", "0");
      var label = panel.querySelector(":scope > .docent-tab-label");
      if (label) label.hidden = true;
      tab.addEventListener("click", function () {
        choose(set, index, true);
      });
      tab.addEventListener("keydown", function (event) {
        var next = null;
        if (event.key === "ArrowRight") next = (index + 1) % panels.length;
        else if (event.key === "ArrowLeft") next = (index - 1 + panels.length) % panels.length;
        else if (event.key === "Home") next = 0;
        else if (event.key === "End") next = panels.length - 1;
        if (next === null) return;
        event.preventDefault();
        choose(set, next, true);
        set.tabs[next].focus();
      });
      set.tabs.push(tab);
      tablist.appendChild(tab);
    });
    root.insertBefore(tablist, root.firstChild);
    root.classList.add("docent-tabs--enhanced");
    return set;
  }

  function select(set, index) {
    set.tabs.forEach(function (tab, i) {
      var selected = i === index;
      tab.setAttribute("aria-selected", selected ? "true" : "false");
      tab.tabIndex = selected ? 0 : -1;
      set.panels[i].hidden = !selected;
    });
    set.selected = index;
  }

  function titleOf(set, index) {
    return set.tabs[index].textContent;
  }

  /* Selects tab `index` of `set`; a reader's choice also selects the same title in the set's group, keeping the
   * chosen tab where it is on the screen while the sets above it change height. */
  function choose(set, index, byReader) {
    var anchor = set.tabs[index];
    var before = anchor.getBoundingClientRect().top;
    select(set, index);
    if (!byReader || !set.group) return;
    var title = titleOf(set, index);
    syncGroup(set.group, title, set);
    remember(set.group, title);
    var after = anchor.getBoundingClientRect().top;
    if (after !== before) window.scrollBy(0, after - before);
  }

  function syncGroup(group, title, except) {
    sets.forEach(function (other) {
      if (other === except || other.group !== group) return;
      for (var i = 0; i < other.tabs.length; i++) {
        if (titleOf(other, i) === title) {
          select(other, i);
          return;
        }
      }
    });
  }

  /* Selects the tab of every hidden panel that holds `target`; true when there was one. Not remembered: the page
   * showed it, the reader did not choose it. */
  function reveal(target) {
    var revealed = false;
    sets.forEach(function (set) {
      set.panels.forEach(function (panel, i) {
        if (panel.hidden && panel.contains(target)) {
          select(set, i);
          revealed = true;
        }
      });
    });
    return revealed;
  }

  /* A link to something inside a hidden panel opens that panel. */
  function revealTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (target && reveal(target)) target.scrollIntoView();
  }

  function setUp() {
    document.querySelectorAll(".docent-tabs").forEach(function (root) {
      var set = enhance(root, sets.length);
      if (!set) return;
      sets.push(set);
      var initial = 0;
      var saved = set.group ? remembered(set.group) : null;
      if (saved !== null) {
        for (var i = 0; i < set.tabs.length; i++) {
          if (titleOf(set, i) === saved) {
            initial = i;
            break;
          }
        }
      }
      select(set, initial);
    });
    if (sets.length === 0) return;
    revealTarget();
    window.addEventListener("hashchange", revealTarget);
    /* Another script shows something inside a hidden panel (a walkthrough, its current step): a "docent-reveal"
     * event dispatched on it (bubbling) opens the panels around it. */
    document.addEventListener("docent-reveal", function (event) {
      reveal(event.target);
    });
    /* Another window of the site chose a tab: follow it. */
    window.addEventListener("storage", function (event) {
      if (!event.key || event.key.indexOf(STORAGE_PREFIX) !== 0 || event.newValue === null) return;
      syncGroup(event.key.slice(STORAGE_PREFIX.length), event.newValue, null);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
