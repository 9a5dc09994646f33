"""Every write of the events app that has a rule, one module per topic. Each raises a DomainError subclass whose
message is shown to the person as is."""
