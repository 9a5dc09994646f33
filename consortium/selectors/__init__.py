"""The consortium's reads, one module per topic: what views, the admin, reminders, the dashboard and other apps
ask of it. They return querysets or plain values and never write; the writes are in consortium.services."""
