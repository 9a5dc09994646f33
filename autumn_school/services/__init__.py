"""Every write of the autumn school that has a rule, one module per topic. Each raises a DomainError
subclass whose message is shown to the member as is."""
