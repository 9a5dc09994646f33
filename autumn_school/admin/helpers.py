"""What the autumn school's admin pages share: sortable columns of annotated figures, and actions that run a
service on each selected object."""

from django.contrib import admin, messages

from dimobel.errors import DomainError


def annotated_column(name, description):
    """A list column showing the annotation ``name`` of the admin's queryset, sortable by it."""

    @admin.display(description=description, ordering=name)
    def column(model_admin, obj):
        return getattr(obj, name)

    column.__name__ = name
    return column


def run_for_each(model_admin, request, objects, act, *, done_message):
    """Call ``act(obj)`` for each object. A rule that stops one (a DomainError) is reported next to it and the
    others go on; ``done_message(count)`` reports how many went through. Returns that count."""
    done = 0
    for obj in objects:
        try:
            act(obj)
        except DomainError as error:
            model_admin.message_user(request, f"{obj}: {error}", messages.ERROR)
        else:
            done += 1
    if done:
        model_admin.message_user(request, done_message(done), messages.SUCCESS)
    return done
