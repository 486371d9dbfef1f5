// Event page: click a field (in the table or the evidence list) to highlight its spans in the article.
document.addEventListener("DOMContentLoaded", function () {
  var buttons = document.querySelectorAll(".fieldbtn");
  function show(field) {
    document.querySelectorAll("mark.ev").forEach(function (m) {
      var fields = (m.getAttribute("data-fields") || "").split(" ");
      m.classList.toggle("active", fields.indexOf(field) >= 0);
    });
    document.querySelectorAll("sup.lbl").forEach(function (s) {
      s.classList.toggle("active", s.getAttribute("data-field") === field);
    });
    var first = document.querySelector("mark.ev.active");
    if (first) { first.scrollIntoView({block: "center", behavior: "smooth"}); }
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () { show(b.getAttribute("data-field")); });
  });
});
