"""Benchmarks: scripts that print figures (`make bench`). They are not tests and assert nothing."""
