"""Every read and predicate of the events app that views, the admin, services, tasks or other apps use, one module
per topic. They return querysets or plain values and never write."""
