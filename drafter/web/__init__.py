"""The local web page of `drafter serve`: routes that call drafter.app, static assets in the wheel."""
