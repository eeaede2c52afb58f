/* Marks each statutory table that is wider than its region (表二 and 表三 on a phone), so the page
   shows the "可左右滑动查看" hint only where the table really scrolls: a phone hides its scrollbar
   until the table is touched. Without JavaScript the region's label still says it. */
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll(".report-table").forEach(function (figure) {
      var region = figure.querySelector(".report-table__scroll");
      if (region) figure.classList.toggle("is-scrollable", region.scrollWidth > region.clientWidth + 1);
    });
  }
  document.documentElement.classList.add("scroll-hints");
  mark();
  window.addEventListener("resize", mark);
})();
