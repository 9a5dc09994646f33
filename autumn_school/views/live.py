"""Placeholder while this part is written; replaced by its owner."""

from django.http import Http404


def join(request, **kwargs):
    raise Http404


def session_ics(request, **kwargs):
    raise Http404


def attendance(request, **kwargs):
    raise Http404
