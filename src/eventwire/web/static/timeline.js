// Timeline: events per day stacked by type (SVG, from /api/stats), with a brush. Drag across it to pick a range
// of days (a click picks one day). On the map page (data-brush="map") the range filters the map in place and
// the links to the table and the exports follow ("ew:range" event, see map.js); elsewhere the page reloads with
// since/until set.
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("timeline");
  if (!el) { return; }
  var NS = "http://www.w3.org/2000/svg";   // the SVG namespace name, not a request
  var DAY = 86400000;
  var color = window.ewColor || function () { return "#4a7bb7"; };
  var iso = function (t) { return new Date(t).toISOString().slice(0, 10); };
  fetch(el.getAttribute("data-stats"), {credentials: "same-origin"})
    .then(function (r) { return r.json(); })
    .then(function (st) {
      var days = st.per_day.filter(function (d) { return /^\d{4}-\d{2}-\d{2}$/.test(d.day); });
      if (!days.length) { el.textContent = "no dated events"; return; }
      var w = el.clientWidth || 800, h = el.clientHeight || 120, pad = 18;
      var max = Math.max.apply(null, days.map(function (d) { return d.events; }));
      var t0 = Date.parse(days[0].day), t1 = Date.parse(days[days.length - 1].day);
      var span = Math.max(1, (t1 - t0) / DAY + 1);
      var step = (w - 2 * pad) / span;
      var bw = Math.max(2, step - 1);
      var svg = document.createElementNS(NS, "svg");
      svg.setAttribute("width", w); svg.setAttribute("height", h);
      days.forEach(function (d) {
        var x = pad + ((Date.parse(d.day) - t0) / DAY) * step, y = h - pad;
        Object.keys(d.by_type).forEach(function (t) {
          var bh = (h - 2 * pad) * d.by_type[t] / max;
          var r = document.createElementNS(NS, "rect");
          r.setAttribute("x", x); r.setAttribute("y", y - bh); r.setAttribute("width", bw); r.setAttribute("height", bh);
          r.setAttribute("fill", color(t));
          r.setAttribute("data-day", d.day);
          var title = document.createElementNS(NS, "title");
          title.textContent = d.day + ": " + d.by_type[t] + " " + t;
          r.appendChild(title);
          svg.appendChild(r);
          y -= bh;
        });
      });
      var label = function (txt, x, anchor) {
        var t = document.createElementNS(NS, "text");
        t.setAttribute("x", x); t.setAttribute("y", h - 4); t.setAttribute("font-size", "10");
        t.setAttribute("text-anchor", anchor); t.textContent = txt; svg.appendChild(t);
        return t;
      };
      label(days[0].day, pad, "start"); label(days[days.length - 1].day, w - pad, "end");
      var picked = label("", w / 2, "middle");
      picked.setAttribute("class", "brush-label");

      // the brush: a band drawn over the bars while dragging, kept to show the range picked
      var band = document.createElementNS(NS, "rect");
      band.setAttribute("class", "brush"); band.setAttribute("y", 0); band.setAttribute("height", h - pad);
      band.setAttribute("width", 0);
      svg.appendChild(band);
      var index = function (px) { return Math.max(0, Math.min(span - 1, Math.floor((px - pad) / step))); };
      var local = function (ev) { return ev.clientX - svg.getBoundingClientRect().left; };
      var start = null;
      var show = function (a, b) {
        var i = index(Math.min(a, b)), j = index(Math.max(a, b));
        band.setAttribute("x", pad + i * step); band.setAttribute("width", (j - i + 1) * step);
        return [iso(t0 + i * DAY), iso(t0 + j * DAY)];
      };
      svg.addEventListener("pointerdown", function (ev) {
        if (ev.button !== 0) { return; }
        start = local(ev);
        svg.setPointerCapture(ev.pointerId);
        show(start, start);
        ev.preventDefault();
      });
      svg.addEventListener("pointermove", function (ev) {
        if (start !== null) { show(start, local(ev)); }
      });
      svg.addEventListener("pointerup", function (ev) {
        if (start === null) { return; }
        var range = show(start, local(ev));
        start = null;
        pick(range[0], range[1]);
      });

      var clear = document.createElement("a");
      clear.href = "#"; clear.className = "brush-clear"; clear.textContent = "all dates"; clear.hidden = true;
      clear.addEventListener("click", function (ev) {
        ev.preventDefault();
        band.setAttribute("width", 0);
        pick(null, null);
      });
      var first = new URLSearchParams(el.getAttribute("data-query") || "");   // the page's own filter
      function pick(since, until) {
        var q = new URLSearchParams(el.getAttribute("data-query") || "");
        q.delete("page");
        ["since", "until"].forEach(function (k) {   // a cleared brush gives back the page's own dates
          var v = since ? (k === "since" ? since : until) : first.get(k);
          if (v) { q.set(k, v); } else { q.delete(k); }
        });
        picked.textContent = since ? (since === until ? since : since + " – " + until) : "";
        clear.hidden = !since;
        if (el.getAttribute("data-brush") !== "map") { window.location.search = q.toString(); return; }
        el.setAttribute("data-query", q.toString());
        history.replaceState(null, "", "?" + q.toString());
        document.dispatchEvent(new CustomEvent("ew:range", {detail: {since: since, until: until, query: q.toString()}}));
      }
      el.appendChild(svg);
      el.parentNode.insertBefore(clear, el.nextSibling);   // under the timeline, not over its fixed height
    });
});
