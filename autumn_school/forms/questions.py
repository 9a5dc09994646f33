from django import forms
from django.utils.translation import gettext_lazy as _

from autumn_school.models import Answer, Question


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["title", "body"]
        labels = {"title": _("Your question in a sentence"), "body": _("Details")}
        help_texts = {"body": _("What you tried, where you are stuck. Markdown is allowed.")}
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}


class AnswerForm(forms.ModelForm):
    class Meta:
        model = Answer
        fields = ["body"]
        labels = {"body": _("Your answer")}
        help_texts = {"body": _("Markdown is allowed.")}
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}
