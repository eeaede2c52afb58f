/*
 * Tab from cell to cell in the statistical tables. Wagtail gives every field an 添加评论 button
 * when comments are on, so Tab stopped on one between every two cells, and an editor typing
 * figures with Tab between them lost every other one (try-out). The buttons stay for the mouse,
 * out of the tab order, whenever Wagtail adds them.
 */
(function () {
  "use strict";

  var BUTTONS = ".gk-table-form .w-field__comment-button";

  function outOfTabOrder(root) {
    if (root.querySelectorAll) {
      root.querySelectorAll(BUTTONS).forEach(function (button) {
        button.setAttribute("tabindex", "-1");
      });
    }
  }

  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      mutation.addedNodes.forEach(function (node) {
        if (node.nodeType === 1) {
          outOfTabOrder(node.closest && node.closest(".gk-table-form") ? node.parentNode : node);
        }
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  document.addEventListener("DOMContentLoaded", function () {
    outOfTabOrder(document);
  });
})();
