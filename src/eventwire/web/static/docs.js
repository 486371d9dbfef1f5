// Interactive API docs with the locally served Swagger UI (no CDN, no validator badge).
window.addEventListener("load", function () {
  var el = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({url: el.getAttribute("data-openapi"), dom_id: "#swagger-ui", validatorUrl: null,
                               deepLinking: true});
});
