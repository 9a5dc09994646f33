"""Placeholder while this part is written; replaced by its owner."""

from django.http import Http404


def catalogue(request, **kwargs):
    raise Http404


def my_courses(request, **kwargs):
    raise Http404


def module_detail(request, **kwargs):
    raise Http404


def enrol(request, **kwargs):
    raise Http404


def unenrol(request, **kwargs):
    raise Http404
