// Shows <time data-local-time datetime="…"> elements in the viewer's own time zone (filled in by autumn_school).
// The server prints Brussels and Casablanca times; this adds the viewer's, in the page's language. An optional
// data-end="…" turns it into a range. The row around it ([data-local-time-row]) stays hidden without JavaScript.
(function () {
  "use strict";

  var OPTIONS = {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  };

  function formatter() {
    var language = document.documentElement.lang || undefined;
    try {
      return new Intl.DateTimeFormat(language, OPTIONS);
    } catch (error) {
      return new Intl.DateTimeFormat(undefined, OPTIONS);
    }
  }

  function render(root) {
    if (typeof Intl === "undefined" || !Intl.DateTimeFormat) {
      return;
    }
    var format = formatter();
    var zone = format.resolvedOptions().timeZone;
    (root || document).querySelectorAll("time[data-local-time]").forEach(function (element) {
      var start = new Date(element.getAttribute("datetime"));
      if (isNaN(start.getTime())) {
        return;
      }
      var end = element.hasAttribute("data-end") ? new Date(element.getAttribute("data-end")) : null;
      var text;
      if (end && !isNaN(end.getTime()) && typeof format.formatRange === "function") {
        text = format.formatRange(start, end);
      } else {
        text = format.format(start);
      }
      element.textContent = text;
      if (zone) {
        element.title = zone;
      }
      var row = element.closest("[data-local-time-row]");
      if (row) {
        row.hidden = false;
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      render(document);
    });
  } else {
    render(document);
  }
  // Pages that swap in new content with htmx (filtered lists) get their times rewritten too.
  document.addEventListener("htmx:afterSettle", function (event) {
    render(event.target);
  });
})();
