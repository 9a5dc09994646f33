"""Placeholder while this part is written; replaced by its owner."""

from django.http import Http404


def download(request, **kwargs):
    raise Http404


def verify(request, **kwargs):
    raise Http404
