// One colour per ACLED event type, shared by the map and the timeline.
window.EW_COLORS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#1f77b4"
};
window.ewColor = function (t) { return window.EW_COLORS[t] || "#7f7f7f"; };
