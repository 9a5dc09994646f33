"""Date and number formats Django's own locale files leave out (see FORMAT_MODULE_PATH in settings)."""
