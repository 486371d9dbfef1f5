"""The analyst web app and REST API (issue 12): ``eventwire serve``. See app.create_app."""
