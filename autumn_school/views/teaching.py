"""Placeholder while this part is written; replaced by its owner."""

from django.http import Http404


def instructor_page(request, **kwargs):
    raise Http404


def export_csv(request, **kwargs):
    raise Http404


def email_inactive(request, **kwargs):
    raise Http404
