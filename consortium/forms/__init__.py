"""Forms of the consortium, one module per topic."""
