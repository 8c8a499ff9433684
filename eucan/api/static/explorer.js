// Table toggles for the timeline pictures: the same content as a table, for keyboards and screen readers.
(function () {
  "use strict";
  document.querySelectorAll("#timeline-h ~ .toggle .show-table").forEach(function (button) {
    button.addEventListener("click", function () {
      var table = document.getElementById("timeline-table");
      var picture = document.getElementById("timeline-picture");
      var showTable = table.hidden;
      table.hidden = !showTable;
      picture.hidden = showTable;
      button.setAttribute("aria-pressed", String(showTable));
      button.textContent = showTable ? "Show as picture" : "Show as table";
    });
  });
})();
