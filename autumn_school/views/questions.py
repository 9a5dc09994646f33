"""Placeholder while this part is written; replaced by its owner."""

from django.http import Http404


def question_list(request, **kwargs):
    raise Http404


def question_detail(request, **kwargs):
    raise Http404
