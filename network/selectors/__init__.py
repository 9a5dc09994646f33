"""The network's reads, one module per topic: querysets and plain values for views, the admin, tasks and the
other apps. Nothing here writes; the rules they apply live on the models' QuerySets (``Profile.objects.visible_to``)."""
