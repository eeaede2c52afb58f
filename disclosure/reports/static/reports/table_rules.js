/*
 * Live check of the statistical tables' equations (R1–R4) while the editor types.
 *
 * The equations are not written here: the server describes them (rules/arithmetic.py,
 * `equations`, turned into JSON by blocks.equations_json) in the table form's data-gk-equations
 * attribute, with each equation's cells, its two sides and the server's own message, in which
 * this file only puts the two sums. The server checks the same equations again when the report is submitted.
 *
 * `evaluate` is also run by node in the tests (module.exports), against the server's findings.
 */
(function () {
  "use strict";

  // A cell's number as the server reads it (rules/findings.py, cell_value): a whole number. A
  // blank or anything else leaves the equation undecided, as on the server (R7 reports such a cell).
  function parseCell(text) {
    if (text === null || text === undefined) {
      return null;
    }
    var trimmed = String(text).trim();
    return /^[+-]?\d+$/.test(trimmed) ? parseInt(trimmed, 10) : null;
  }

  function sum(cells, valueOf) {
    var total = 0;
    for (var i = 0; i < cells.length; i++) {
      var value = parseCell(valueOf(cells[i]));
      if (value === null) {
        return null;
      }
      total += value;
    }
    return total;
  }

  function message(equation, left, right) {
    return equation.message.replace("{left}", String(left)).replace("{right}", String(right));
  }

  // The equations that do not hold, in the order given: [{equation, left, right, message}].
  function evaluate(equations, valueOf) {
    var violated = [];
    equations.forEach(function (equation) {
      var left = sum(equation.left, valueOf);
      var right = sum(equation.right, valueOf);
      if (left === null || right === null || left === right) {
        return;
      }
      violated.push({
        equation: equation,
        left: left,
        right: right,
        message: message(equation, left, right),
      });
    });
    return violated;
  }

  // The equations the changed cell is part of come first; in each, the changed cell first.
  function changedFirst(violated, changed) {
    var involves = function (found) {
      return found.equation.cells.indexOf(changed) >= 0;
    };
    var ordered = violated.filter(involves).concat(
      violated.filter(function (found) {
        return !involves(found);
      })
    );
    return ordered.map(function (found) {
      var cells = found.equation.cells.slice();
      if (involves(found)) {
        cells = [changed].concat(
          cells.filter(function (name) {
            return name !== changed;
          })
        );
      }
      return { found: found, cells: cells };
    });
  }

  var api = { parseCell: parseCell, evaluate: evaluate, changedFirst: changedFirst };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }
  window.gongkaiTableRules = api;

  var VIOLATED = "gk-cell--violated";
  var CHANGED = "gk-cell--changed";

  function cellsOf(container) {
    var cells = {};
    container.querySelectorAll("[data-gk-cell]").forEach(function (td) {
      cells[td.getAttribute("data-gk-cell")] = td;
    });
    return cells;
  }

  function check(container, changed) {
    var equations = JSON.parse(container.getAttribute("data-gk-equations"));
    var cells = cellsOf(container);
    var valueOf = function (name) {
      var input = cells[name] && cells[name].querySelector("input");
      return input ? input.value : null;
    };
    var ordered = changedFirst(evaluate(equations, valueOf), changed);

    Object.keys(cells).forEach(function (name) {
      var td = cells[name];
      td.classList.remove(VIOLATED, CHANGED);
      td.removeAttribute("data-gk-mark");
      td.removeAttribute("title");
      var input = td.querySelector("input");
      if (input) {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      }
    });

    var report = container.querySelector("[data-gk-live-findings]");
    var list = report.querySelector("ol");
    list.textContent = "";
    var marks = 0;
    ordered.forEach(function (item, index) {
      var id = report.id + "-" + index;
      var line = document.createElement("li");
      line.id = id;
      line.className = "gk-live-finding";
      line.setAttribute("data-gk-rule", item.found.equation.rule);
      line.setAttribute("data-gk-cells", item.cells.join(" "));
      line.textContent = item.found.equation.rule + " " + item.found.message;
      list.appendChild(line);
      item.cells.forEach(function (name) {
        var td = cells[name];
        if (!td) {
          return;
        }
        if (!td.classList.contains(VIOLATED)) {
          marks += 1;
          td.setAttribute("data-gk-mark", String(marks));
        }
        td.classList.add(VIOLATED);
        td.title = td.title ? td.title + "\n" + item.found.message : item.found.message;
        var input = td.querySelector("input");
        if (input) {
          input.setAttribute("aria-invalid", "true");
          var described = input.getAttribute("aria-describedby");
          input.setAttribute("aria-describedby", described ? described + " " + id : id);
        }
      });
    });
    if (changed && cells[changed] && cells[changed].classList.contains(VIOLATED)) {
      cells[changed].classList.add(CHANGED);
    }
    report.hidden = ordered.length === 0;
  }

  function prepare(container) {
    if (container.getAttribute("data-gk-live") === "on") {
      return;
    }
    container.setAttribute("data-gk-live", "on");
    check(container, null); // a draft saved with broken sums shows them at once
  }

  function prepareAll(root) {
    if (root.matches && root.matches("[data-gk-equations]")) {
      prepare(root);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll("[data-gk-equations]").forEach(prepare);
    }
  }

  document.addEventListener("input", function (event) {
    var container = event.target.closest && event.target.closest("[data-gk-equations]");
    if (!container) {
      return;
    }
    prepare(container);
    var td = event.target.closest("[data-gk-cell]");
    check(container, td ? td.getAttribute("data-gk-cell") : null);
  });

  // StreamField blocks are drawn by script after the page loads, and again when one is added.
  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      mutation.addedNodes.forEach(prepareAll);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () {
    prepareAll(document);
  });
})();
