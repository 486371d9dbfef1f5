// Map page: the filter's events from /api/events.geojson, clustered (Leaflet.markercluster), coloured by type,
// sized by fatalities, over country borders from /api/borders.geojson. No tile layer: nothing is fetched from
// another host.
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  // no tile layer, so the zoom limits are set here (MarkerCluster needs maxZoom)
  var map = L.map(el, {worldCopyJump: true, minZoom: 1, maxZoom: 14}).setView([15, 20], 3);
  map.attributionControl.setPrefix("Leaflet");   // plain text: no link out
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
  fetch(el.getAttribute("data-geojson"), {credentials: "same-origin"})
    .then(function (r) { return r.json(); })
    .then(function (fc) {
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
      if (bounds.length) { map.fitBounds(bounds, {maxZoom: 8, padding: [20, 20]}); }
    });
});
