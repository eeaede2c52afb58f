/*
 * Tab from cell to cell in the statistical tables. Wagtail gives every field an 添加评论 button
 * when comments are on, so Tab stopped on one between every two cells, and an editor typing
 * figures with Tab between them lost every other one (try-out). The buttons stay for the mouse,
 * out of the tab order, whenever Wagtail adds them.
 */
(function () {
  "use strict";

  var BUTTONS = ".gk-table-form .w-field__comment-button";

  function outOfTabOrder(button) {
    button.setAttribute("tabindex", "-1");
  }

  // A button Wagtail adds on its own, or within a table form drawn later.
  function within(node) {
    if (node.nodeType !== 1) {
      return;
    }
    if (node.matches(BUTTONS)) {
      outOfTabOrder(node);
    }
    node.querySelectorAll(BUTTONS).forEach(outOfTabOrder);
  }

  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      mutation.addedNodes.forEach(within);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(BUTTONS).forEach(outOfTabOrder);
  });
})();
