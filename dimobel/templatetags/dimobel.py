from django import template
from django.utils.safestring import mark_safe

from dimobel.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render member-written Markdown as sanitised HTML: {{ organisation.description|markdown }}."""
    return mark_safe(render_markdown(text))  # noqa: S308 (sanitised by nh3 just above)
