"""Every read and predicate of the autumn school that views, the admin, tasks, the registries or services use,
one module per topic. They return querysets or plain values and never write."""
