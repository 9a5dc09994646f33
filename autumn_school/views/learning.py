"""Placeholder while this part is written; replaced by its owner."""

from django.http import Http404


def resume(request, **kwargs):
    raise Http404


def lesson_detail(request, **kwargs):
    raise Http404


def mark_done(request, **kwargs):
    raise Http404


def download_resource(request, **kwargs):
    raise Http404
