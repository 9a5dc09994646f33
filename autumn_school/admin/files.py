"""Course resources in the admin: checked by content on upload (dimobel.files.check_document), and never
shown with a file URL.

Resources live in private storage, whose ``url()`` refuses to answer (ValueError); Django's file widgets and
read-only displays call it, so the admin uses the widget below, which links to the permission-checking
download view instead.
"""

from pathlib import Path

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from autumn_school.models import Resource
from dimobel.files import check_document


class PrivateFileInput(forms.FileInput):
    """A file input that shows the current file as a link to the download view, never as a storage URL."""

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        instance = getattr(value, "instance", None)
        if not value or instance is None or instance.pk is None:
            return field
        url = reverse("autumn_school:resource", args=[instance.pk])
        return format_html(
            '<p class="file-upload">{} <a href="{}">{}</a><br>{} {}</p>',
            _("Currently:"),
            url,
            Path(value.name).name,
            _("Change:"),
            field,
        )


class ResourceForm(forms.ModelForm):
    class Meta:
        model = Resource
        fields = ["title", "file"]
        widgets = {"file": PrivateFileInput}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            check_document(upload)
        return upload
