// The site's own behaviour, on top of Material. Everything here is an enhancement:
// every page is complete and readable without JavaScript.
(function () {
  "use strict";

  // Glossary tooltips: hover and keyboard focus work in CSS; on touch screens the first tap
  // on a term shows its definition and a second tap follows the link.
  function setupGlossaryTips() {
    var coarse = window.matchMedia && window.matchMedia("(hover: none)").matches;
    document.addEventListener("click", function (event) {
      var open = document.querySelectorAll(".glossary-ref.is-open");
      var link = event.target.closest ? event.target.closest("a.glossary-term") : null;
      for (var i = 0; i < open.length; i++) {
        if (!link || open[i] !== link.parentNode) open[i].classList.remove("is-open");
      }
      if (!link || !coarse) return;
      var ref = link.parentNode;
      if (!ref.classList.contains("is-open")) {
        event.preventDefault();
        ref.classList.add("is-open");
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var open = document.querySelectorAll(".glossary-ref.is-open");
      for (var i = 0; i < open.length; i++) open[i].classList.remove("is-open");
    });
  }

  // Timeline filters: one region, one theme and one actor at a time, kept in the address
  // (?region=china&theme=models; ?actor=deepseek comes from an entity's page) so a filtered
  // view can be shared and survives reload.
  function setupTimelineFilters() {
    var panel = document.querySelector("[data-timeline-filters]");
    if (!panel) return;
    var events = document.querySelectorAll(".timeline > li");
    var years = document.querySelectorAll(".timeline-year");
    var count = panel.querySelector("[data-timeline-count]");
    var facets = ["region", "theme", "actor"];
    var actorNote = panel.querySelector("[data-timeline-actor]");

    function actorLink(id) {
      return document.querySelector('.event-meta a[data-actor="' + id.replace(/[^a-z0-9-]/g, "") + '"]');
    }

    function current() {
      var params = new URLSearchParams(window.location.search);
      var state = {};
      facets.forEach(function (facet) { state[facet] = params.get(facet) || ""; });
      if (state.actor && !actorLink(state.actor)) state.actor = "";  // an unknown actor filters nothing
      return state;
    }

    function apply(state) {
      var shown = 0;
      for (var i = 0; i < events.length; i++) {
        var visible = facets.every(function (facet) {
          return !state[facet] || (" " + events[i].getAttribute("data-" + facet) + " ").indexOf(" " + state[facet] + " ") >= 0;
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
      // The actor has no button: a line names it, and "show all events" clears it.
      var named = state.actor && actorLink(state.actor);
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

  setupGlossaryTips();
  setupTimelineFilters();
})();
