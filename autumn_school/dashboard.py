"""Dashboard section: my courses (being written)."""
