/* Souhra: small enhancements; every page works without them. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  var holder = document.querySelector("[data-map]");
  var data = document.getElementById("map-data");
  if (!holder || !data || typeof window.L === "undefined") { return; }
  var points;
  try { points = JSON.parse(data.textContent || "[]"); } catch (e) { return; }
  if (!points.length) { return; }
  holder.classList.add("map-live");
  var map = window.L.map(holder, { scrollWheelZoom: false });
  window.L.tileLayer(holder.getAttribute("data-tiles"), {
    maxZoom: 18,
    attribution: holder.getAttribute("data-attribution")
  }).addTo(map);
  var bounds = [];
  points.forEach(function (p) {
    var link = document.createElement("a");
    link.href = p.href;
    link.textContent = p.name;
    var box = document.createElement("div");
    box.appendChild(link);
    if (p.address) {
      box.appendChild(document.createElement("br"));
      box.appendChild(document.createTextNode(p.address));
    }
    window.L.circleMarker([p.lat, p.lon], { radius: 9, color: "#08455b", weight: 3, fillColor: "#0b5d7a", fillOpacity: 0.8 })
      .bindPopup(box).addTo(map);
    bounds.push([p.lat, p.lon]);
  });
  if (bounds.length === 1) { map.setView(bounds[0], 14); } else { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 }); }
})();
