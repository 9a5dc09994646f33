"""Calendar source: live sessions (being written)."""
