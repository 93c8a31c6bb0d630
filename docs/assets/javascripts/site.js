// The site's own behaviour, on top of Material. Everything here is an enhancement:
// every page is complete and readable without JavaScript.
(function () {
  "use strict";

  // ---- Glossary definitions on touch screens ------------------------------------------------
  // With a mouse or a keyboard, CSS shows a term's definition on hover and focus (site.css). On a
  // touch screen a tap fires hover, focus and click at once, and an inline tooltip would stick out
  // of a narrow screen; there, the first tap on a term opens a popover instead: the term's name (a
  // link to its page) and its definition, under the term (above it near the bottom of the screen),
  // inside the screen whatever the term's place. A second tap on the term, or the link, opens the
  // term's page; a tap elsewhere or Escape closes it. Screen readers keep the term's
  // aria-describedby, which names the inline definition.
  function setupGlossaryPopover() {
    var touch = window.matchMedia("(hover: none)");
    var MARGIN = 8, GAP = 4;
    var popover = null, openFor = null;

    function make() {
      popover = document.createElement("div");
      popover.className = "glossary-popover";
      popover.hidden = true;
      popover.appendChild(document.createElement("a")).className = "glossary-popover__name";
      popover.appendChild(document.createElement("p"));
      document.body.appendChild(popover);
    }

    function close() {
      if (popover) popover.hidden = true;
      openFor = null;
    }

    function open(link) {
      var tip = document.getElementById(link.getAttribute("aria-describedby"));
      if (!popover) make();
      var name = popover.firstChild;
      name.href = link.href;
      name.textContent = tip.getAttribute("data-term-name");
      popover.lastChild.textContent = tip.textContent;
      popover.hidden = false;
      openFor = link;
      place(link);
    }

    // In page coordinates, so that it scrolls with the term: under the line the term ends on, or
    // above the line it starts on when there is no room below (on a short screen, as low as it
    // fits); from the term's reading-start edge, moved back inside the screen.
    function place(link) {
      var lines = link.getClientRects(), first = lines[0], last = lines[lines.length - 1];
      var width = document.documentElement.clientWidth, height = window.innerHeight;
      var box = popover.getBoundingClientRect();
      var rtl = getComputedStyle(link).direction === "rtl";
      var left = Math.max(MARGIN, Math.min(rtl ? last.right - box.width : last.left, width - MARGIN - box.width));
      var top = last.bottom + GAP;
      if (top + box.height > height - MARGIN) {  // no room below: above, or else as low as it fits
        top = first.top - GAP - box.height >= MARGIN ? first.top - GAP - box.height : Math.max(MARGIN, height - MARGIN - box.height);
      }
      popover.style.left = left + window.scrollX + "px";
      popover.style.top = top + window.scrollY + "px";
    }

    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a.glossary-term") : null;
      if (link && link === openFor) return;  // the second tap: the link is followed
      if (link && (touch.matches || event.pointerType === "touch")) {
        event.preventDefault();
        open(link);
      } else if (openFor && !popover.contains(event.target)) {
        close();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close();
    });
    window.addEventListener("resize", function () {
      if (openFor) place(openFor);
    });
  }

  // ---- Glossary definitions on hover and focus -----------------------------------------------
  // CSS shows the definition from the term's reading-start edge (site.css): for a term near the
  // far side of the column it would stick out of the window (and scroll the page sideways), so
  // it is moved back inside as it is shown.
  function setupGlossaryTips() {
    var MARGIN = 8;
    function keepInside(event) {
      var ref = event.target.closest ? event.target.closest(".glossary-ref") : null;
      var tip = ref && ref.querySelector(".glossary-tip");
      if (!tip) return;
      tip.style.translate = "";
      var display = tip.style.display;
      tip.style.display = "block";  // measured as it will be shown, whether or not CSS shows it yet
      var box = tip.getBoundingClientRect(), right = document.documentElement.clientWidth - MARGIN;
      tip.style.display = display;
      var shift = box.left < MARGIN ? MARGIN - box.left : box.right > right ? right - box.right : 0;
      if (shift) tip.style.translate = shift + "px 0";
    }
    document.addEventListener("mouseover", keepInside);
    document.addEventListener("focusin", keepInside);
  }

  // ---- Timeline filters ----------------------------------------------------------------------
  // One value per filter, the filters combined, kept in the address (?region=china&theme=models;
  // ?actor=deepseek comes from an entity's page) so a filtered view can be shared, survives reload
  // and the language switch. The filters are the page's (data-timeline-filters, from timeline.py),
  // and the values each knows are those its events carry (data-<filter>): nothing here names one.
  function setupTimelineFilters() {
    var panel = document.querySelector("[data-timeline-filters]");
    if (!panel) return;
    var events = document.querySelectorAll(".timeline > li");
    var years = document.querySelectorAll(".timeline-year");
    var count = panel.querySelector("[data-timeline-count]");
    var facets = panel.getAttribute("data-timeline-filters").split(" ");
    var actorNote = panel.querySelector("[data-timeline-actor]");
    var unknownNote = panel.querySelector("[data-timeline-unknown]");
    var noneNote = panel.querySelector("[data-timeline-none]");

    function valuesOf(event, facet) {
      return (event.getAttribute("data-" + facet) || "").split(" ");
    }

    var known = {};
    facets.forEach(function (facet) {
      known[facet] = {};
      for (var i = 0; i < events.length; i++) {
        valuesOf(events[i], facet).forEach(function (value) { if (value) known[facet][value] = true; });
      }
    });

    function current() {
      var params = new URLSearchParams(window.location.search);
      var state = {};
      facets.forEach(function (facet) { state[facet] = params.get(facet) || ""; });
      return state;
    }

    function apply(state) {
      var shown = 0;
      for (var i = 0; i < events.length; i++) {
        var visible = facets.every(function (facet) {
          return !state[facet] || valuesOf(events[i], facet).indexOf(state[facet]) >= 0;
        });
        events[i].hidden = !visible;
        if (visible) shown++;
      }
      for (var y = 0; y < years.length; y++) {
        years[y].hidden = !years[y].querySelector(".timeline > li:not([hidden])");
      }
      var buttons = panel.querySelectorAll("button[data-facet]");
      for (var b = 0; b < buttons.length; b++) {
        var pressed = state[buttons[b].getAttribute("data-facet")] === buttons[b].getAttribute("data-value");
        buttons[b].setAttribute("aria-pressed", pressed ? "true" : "false");
      }
      count.textContent = String(shown);
      // A value no event has (an old or mistyped link) is named, next to "show all events";
      // known values that no event has together are said to be so.
      var unknown = facets.filter(function (facet) { return state[facet] && !known[facet][state[facet]]; });
      unknownNote.hidden = !unknown.length;
      unknownNote.querySelector("span").textContent = unknown.map(function (facet) { return facet + "=" + state[facet]; }).join(", ");
      noneNote.hidden = shown > 0 || unknown.length > 0;
      // The actor has no button: a line names it, and "show all events" clears it.
      var named = state.actor && known.actor && known.actor[state.actor] &&
        document.querySelector('.event-meta a[data-actor="' + state.actor + '"]');
      actorNote.hidden = !named;
      actorNote.querySelector("span").textContent = named ? named.textContent : "";
    }

    function save(state) {
      var params = new URLSearchParams(window.location.search);
      facets.forEach(function (facet) {
        if (state[facet]) params.set(facet, state[facet]); else params.delete(facet);
      });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      carryAddressToLanguageLinks();
    }

    panel.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var state = current();
      if (button.hasAttribute("data-timeline-clear")) {
        facets.forEach(function (facet) { state[facet] = ""; });
      } else {
        state[button.getAttribute("data-facet")] = button.getAttribute("data-value");
      }
      save(state);
      apply(state);
    });
    apply(current());
  }

  // ---- The language switch keeps the reader's place ------------------------------------------
  // A page has the same address and the same anchors in both languages: the language links carry
  // the address's query (the timeline's filters) and fragment over to the other language; not the
  // words a search result asked this page to mark (?h=), which are in this page's language.
  function carryAddressToLanguageLinks() {
    var links = document.querySelectorAll(".md-select__link[hreflang]");
    var query = new URLSearchParams(window.location.search);
    query.delete("h");
    var carried = (query.toString() ? "?" + query.toString() : "") + window.location.hash;
    for (var i = 0; i < links.length; i++) {
      var page = links[i].getAttribute("data-page") || links[i].getAttribute("href");
      links[i].setAttribute("data-page", page);
      links[i].setAttribute("href", page + carried);
    }
  }

  // ---- The navigation drawer, by keyboard --------------------------------------------------
  // Below 1220 px Material opens its navigation drawer with a <label> for a hidden checkbox, which
  // the keyboard cannot reach; closed, the drawer is hidden (site.css). The label becomes a button
  // named as the navigation it opens, with its state. Open, the drawer covers the page like a
  // dialog: the focus moves into it, the rest of the page is inert (Tab stays among what is
  // visible), and Escape closes it. Closed while the focus was in it, the focus returns to the
  // button, unless a link of the drawer led to a place on the page.
  function setupDrawer() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('label.md-header__button[for="__drawer"]');
    var drawer = document.querySelector(".md-sidebar--primary");
    var nav = drawer && drawer.querySelector(".md-nav--primary");
    if (!toggle || !label || !nav) return;
    var narrow = window.matchMedia("(max-width: 76.234375em)");
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " drawer-button";
    button.setAttribute("aria-label", nav.getAttribute("aria-label"));
    while (label.firstChild) button.appendChild(label.firstChild);
    label.replaceWith(button);
    button.addEventListener("click", function () { toggle.click(); });

    var inert = [], open = false;
    var followed = false;  // a link of the drawer led to a place on this page
    function update() {
      var was = open;
      open = toggle.checked && narrow.matches;
      button.setAttribute("aria-expanded", String(open));
      if (open === was) return;
      inert.forEach(function (el) { el.inert = false; });
      inert = [];
      if (open) {
        // Everything beside the drawer and its ancestors, but the overlay, whose tap closes it.
        for (var el = drawer; el !== document.body; el = el.parentElement) {
          for (var other = el.parentElement.firstElementChild; other; other = other.nextElementSibling) {
            if (other !== el && !other.classList.contains("md-overlay") && !other.inert) inert.push(other);
          }
        }
        inert.forEach(function (el) { el.inert = true; });
        // The labels that open a section's or the table of contents' panel, and those that go back
        // from one, are reached by Tab too (Enter clicks a focused label: Material's keyboard
        // handler). Only now: Material binds a handler of its own, which needs a panel named by the
        // label's id, to the labels that have a tabindex when it sets up the sidebar.
        var labels = nav.querySelectorAll("label.md-nav__link:not([tabindex='0']), label.md-nav__title:not([for='__drawer'])");
        for (var i = 0; i < labels.length; i++) labels[i].tabIndex = 0;
        if (!drawer.contains(document.activeElement)) focusFirstShown(nav);
      } else if (!followed && (drawer.contains(document.activeElement) || document.activeElement === document.body)) {
        button.focus();
      }
      followed = false;
    }
    // The first link or label shown in `panel` (a section's panel covers the levels above it).
    function focusFirstShown(panel) {
      var first = [].find.call(panel.querySelectorAll("a[href], label[tabindex='0']"), function (el) {
        return el.getClientRects().length && getComputedStyle(el).visibility === "visible";
      });
      if (first) first.focus({preventScroll: true});  // a panel still sliding in would scroll the drawer sideways
    }
    // A panel opened from the keyboard takes the focus; closed, it gives it back to its label.
    nav.addEventListener("change", function (event) {
      var panel = event.target.parentElement.querySelector(":scope > .md-nav");
      if (!panel || !nav.contains(document.activeElement)) return;
      if (event.target.checked) focusFirstShown(panel);
      else nav.querySelector('label.md-nav__link[for="' + event.target.id + '"]').focus();
    });
    toggle.addEventListener("change", update);
    narrow.addEventListener("change", update);
    drawer.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (link) followed = true;
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked && narrow.matches) toggle.click();
    });
    update();
  }

  setupDrawer();
  setupGlossaryPopover();
  setupGlossaryTips();
  setupTimelineFilters();
  carryAddressToLanguageLinks();
  window.addEventListener("hashchange", carryAddressToLanguageLinks);
})();
