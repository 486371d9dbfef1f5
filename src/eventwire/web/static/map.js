// Map page: the filter's events from /api/points, clustered (Leaflet.markercluster), coloured by type, sized by
// fatalities, over country borders from /api/borders.geojson. No tile layer: nothing is fetched from another
// host. A range brushed on the timeline ("ew:range", see timeline.js) reloads the markers for those days and
// points the table, export links and filter form at them.
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  // no tile layer, so the zoom limits are set here (MarkerCluster needs maxZoom)
  var map = L.map(el, {worldCopyJump: true, minZoom: 1, maxZoom: 14}).setView([15, 20], 3);
  map.attributionControl.setPrefix("Leaflet");   // plain text: no link out
  map.attributionControl.addAttribution("borders: Natural Earth");
  // country borders (Natural Earth admin-0, served by this app from a package) in a pane under the markers
  map.createPane("borders");
  map.getPane("borders").style.zIndex = 250;
  fetch(el.getAttribute("data-borders"), {credentials: "same-origin"})
    .then(function (r) { return r.json(); })
    .then(function (fc) {
      L.geoJSON(fc, {pane: "borders", interactive: false,
                     style: {color: "#8a9aa8", weight: 0.8, fillColor: "#f7f5ef", fillOpacity: 1}}).addTo(map);
      el.setAttribute("data-borders-drawn", String(fc.features.length));
    });
  var cluster = L.markerClusterGroup({maxClusterRadius: 40});
  map.addLayer(cluster);
  var legend = document.getElementById("legend");
  if (legend) {
    Object.keys(window.EW_COLORS).forEach(function (t) {
      var item = document.createElement("span");
      item.className = "legend-item";
      var sw = document.createElement("span");
      sw.className = "legend-swatch";
      sw.style.background = window.ewColor(t);
      item.appendChild(sw);
      item.appendChild(document.createTextNode(t));
      legend.appendChild(item);
    });
  }
  function load(url, fit) {
    el.removeAttribute("data-count");
    return fetch(url, {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (fc) {
        cluster.clearLayers();
        var bounds = [];
        fc.features.forEach(function (f) {
          if (!f.geometry) { return; }
          var p = f.properties, ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
          var m = L.circleMarker(ll, {radius: 5 + Math.min(20, Math.sqrt(p.fatalities || 0) * 3),
                                      color: window.ewColor(p.event_type), fillOpacity: 0.7, weight: 1});
          var div = document.createElement("div");
          var a = document.createElement("a");
          a.href = "/events/" + encodeURIComponent(p.event_id_cnty);
          a.textContent = (p.sub_event_type || p.event_type || "event") + " — " + (p.location || "");
          div.appendChild(a);
          div.appendChild(document.createElement("br"));
          div.appendChild(document.createTextNode(p.event_date + " · " + (p.fatalities || 0) + " fatalities"));
          m.bindPopup(div);
          cluster.addLayer(m);
          bounds.push(ll);
        });
        el.setAttribute("data-count", String(bounds.length));
        if (fit && bounds.length) { map.fitBounds(bounds, {maxZoom: 8, padding: [20, 20]}); }
      });
  }
  load(el.getAttribute("data-geojson"), true);
  document.addEventListener("ew:range", function (ev) {
    var q = ev.detail.query;
    el.setAttribute("data-range", ev.detail.since ? ev.detail.since + "/" + ev.detail.until : "");
    load("/api/points?" + q, false);
    var table = document.getElementById("tablelink");
    if (table) { table.href = "/events?" + q; }
    document.querySelectorAll(".exports a").forEach(function (a) {
      a.href = a.getAttribute("href").split("?")[0] + "?" + q;
    });
    var params = new URLSearchParams(q);
    ["since", "until"].forEach(function (k) {
      var input = document.querySelector("form.filter input[name=" + k + "]");
      if (input) { input.value = params.get(k) || ""; }
    });
  });
});
