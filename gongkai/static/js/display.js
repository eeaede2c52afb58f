/* 适老化 display modes, remembered in localStorage (no cookie). Loaded in <head> so the
   remembered mode applies before the page is painted; the links work without JavaScript
   through the query string (?text=0..3&contrast=1), which also wins over the stored choice. */
(function () {
  "use strict";
  var KEY = "gongkai-display";
  var STEPS = 4;
  var root = document.documentElement;

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(mode) {
    try { window.localStorage.setItem(KEY, JSON.stringify(mode)); } catch (e) { /* private mode */ }
  }
  function apply(mode) {
    for (var step = 1; step < STEPS; step++) root.classList.toggle("text-" + step, mode.text === step);
    root.classList.toggle("contrast", !!mode.contrast);
  }

  var mode = load();
  var query = new URLSearchParams(window.location.search);
  if (query.has("text")) {
    var step = parseInt(query.get("text"), 10);
    mode.text = step >= 0 && step < STEPS ? step : 0;
  }
  if (query.has("contrast")) mode.contrast = query.get("contrast") === "1";
  mode.text = mode.text || 0;
  save(mode);
  apply(mode);

  function render() {
    document.querySelectorAll("[data-text]").forEach(function (link) {
      if (parseInt(link.dataset.text, 10) === mode.text) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    });
    document.querySelectorAll("[data-contrast-state]").forEach(function (state) {
      state.textContent = mode.contrast ? state.dataset.on : state.dataset.off;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    render();
    document.addEventListener("click", function (event) {
      var link = event.target.closest("[data-text], [data-contrast-toggle]");
      if (!link) return;
      event.preventDefault();
      if (link.hasAttribute("data-text")) mode.text = parseInt(link.dataset.text, 10);
      else mode.contrast = !mode.contrast;
      save(mode);
      apply(mode);
      render();
    });
  });
})();
