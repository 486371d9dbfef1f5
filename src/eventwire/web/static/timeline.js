// Timeline: events per day stacked by type (SVG, from /api/stats). Clicking a day filters the page (map and
// table) to that day; the link to the table follows.
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("timeline");
  if (!el) { return; }
  var NS = "http://www.w3.org/2000/svg";   // the SVG namespace name, not a request
  var color = window.ewColor || function () { return "#4a7bb7"; };
  fetch(el.getAttribute("data-stats"), {credentials: "same-origin"})
    .then(function (r) { return r.json(); })
    .then(function (st) {
      var days = st.per_day.filter(function (d) { return /^\d{4}-\d{2}-\d{2}$/.test(d.day); });
      if (!days.length) { el.textContent = "no dated events"; return; }
      var w = el.clientWidth || 800, h = el.clientHeight || 120, pad = 18;
      var max = Math.max.apply(null, days.map(function (d) { return d.events; }));
      var t0 = Date.parse(days[0].day), t1 = Date.parse(days[days.length - 1].day);
      var span = Math.max(1, (t1 - t0) / 86400000 + 1);
      var bw = Math.max(2, (w - 2 * pad) / span - 1);
      var svg = document.createElementNS(NS, "svg");
      svg.setAttribute("width", w); svg.setAttribute("height", h);
      days.forEach(function (d) {
        var x = pad + ((Date.parse(d.day) - t0) / 86400000) * ((w - 2 * pad) / span), y = h - pad;
        Object.keys(d.by_type).forEach(function (t) {
          var bh = (h - 2 * pad) * d.by_type[t] / max;
          var r = document.createElementNS(NS, "rect");
          r.setAttribute("x", x); r.setAttribute("y", y - bh); r.setAttribute("width", bw); r.setAttribute("height", bh);
          r.setAttribute("fill", color(t));
          var title = document.createElementNS(NS, "title");
          title.textContent = d.day + ": " + d.by_type[t] + " " + t;
          r.appendChild(title);
          r.addEventListener("click", function () {
            var q = new URLSearchParams(el.getAttribute("data-query") || "");
            q.set("since", d.day); q.set("until", d.day); q.delete("page");
            window.location.search = q.toString();
          });
          svg.appendChild(r);
          y -= bh;
        });
      });
      var label = function (txt, x, anchor) {
        var t = document.createElementNS(NS, "text");
        t.setAttribute("x", x); t.setAttribute("y", h - 4); t.setAttribute("font-size", "10");
        t.setAttribute("text-anchor", anchor); t.textContent = txt; svg.appendChild(t);
      };
      label(days[0].day, pad, "start"); label(days[days.length - 1].day, w - pad, "end");
      el.appendChild(svg);
    });
});
