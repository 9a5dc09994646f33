"""Forms of the autumn school, one module per topic."""
