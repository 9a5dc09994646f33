from django import template
from django.template.base import token_kwargs
from django.template.defaulttags import querystring
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from dimobel.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render member-written Markdown as sanitised HTML: {{ organisation.description|markdown }}."""
    return mark_safe(render_markdown(text))  # noqa: S308 (sanitised by nh3 just above)


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page, *, label=None, hx_target="", hx_swap="") -> dict:
    """Links to a list's other pages, each keeping the list's filters in its query string:
    ``{% pagination page_obj hx_target="#results" %}``. With ``hx_target``, htmx swaps only that element
    (``hx_swap`` says how) and pushes the page's URL."""
    links = _page_links(context, page) if page.has_other_pages() else []
    return {"links": links, "label": label or _("Pages"), "hx_target": hx_target, "hx_swap": hx_swap}


def _page_links(context, page) -> list[dict]:
    """Previous, the page numbers and Next. The first, last, current and neighbouring pages get a number and the
    gaps an ellipsis, so that the bar stays one line on a phone."""
    links = [_page_link(context, page.previous_page_number(), rel="prev")] if page.has_previous() else []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            links.append({"gap": True})
        else:
            links.append({**_page_link(context, number), "current": number == page.number})
    if page.has_next():
        links.append(_page_link(context, page.next_page_number(), rel="next"))
    return links


def _page_link(context, number, *, rel="") -> dict:
    return {"number": number, "rel": rel, "url": querystring(context, page=number)}


FILTER_PANEL_OPTIONS = {
    # option: default
    "action": "",  # the list's URL: the form's action, and where "Clear all" leads
    "label": "",  # the form's accessible name, e.g. _("Filter the modules")
    "panel_id": "",  # the id of the part a phone folds away; "<panel_id>-count" holds the badge of filters in use
    "search": None,  # the search box's bound field, shown above the fold
    "active": 0,  # how many filters are in use, for the badge
    "open": None,  # whether a phone shows the filters unfolded; by default when some are in use
    "form_id": "",
    "hx_target": "",  # with it, htmx updates that element as the filters change
    "hx_trigger": "submit, change, input changed delay:400ms from:input[name=q]",
}


@register.tag
def filter_panel(parser, token) -> "FilterPanelNode":
    """A list's filter form: a search box, then the filters in a card that folds away on a phone, with "Apply the
    filters" and "Clear all". The tag's content is the filters' fields (a template tag stays on one line)::

        {% filter_panel action=list_url label=_("Filter the modules") panel_id="catalogue-filters" active=n %}
          {{ filter.form.level|as_crispy_field }}
        {% endfilter_panel %}

    The options and their defaults are in FILTER_PANEL_OPTIONS; a misspelt one fails when the template loads."""
    name, *bits = token.split_contents()
    options = token_kwargs(bits, parser)  # consumes the name=value bits
    unknown = set(options) - set(FILTER_PANEL_OPTIONS)
    if bits or unknown:
        raise template.TemplateSyntaxError(f"{name} takes name=value options among {', '.join(FILTER_PANEL_OPTIONS)}")
    nodelist = parser.parse(("endfilter_panel",))
    parser.delete_first_token()
    return FilterPanelNode(nodelist, options)


class FilterPanelNode(template.Node):
    def __init__(self, nodelist, options):
        self.nodelist = nodelist  # blocks inside it stay overridable: {% extends %} looks into "nodelist"
        self.options = options

    def render(self, context) -> str:
        values = {**FILTER_PANEL_OPTIONS, **{name: value.resolve(context) for name, value in self.options.items()}}
        if values["open"] is None:
            values["open"] = bool(values["active"])
        if values["search"] is not None:
            # Styled for the input group whatever the FilterSet's widget says; the browser's own suggestions
            # would cover the results that update as one types.
            values["search_input"] = values["search"].as_widget(attrs={"class": "form-control", "autocomplete": "off"})
        panel = context.template.engine.get_template("includes/filter_panel.html")
        with context.push(**values, fields=self.nodelist.render(context)):  # rendered (and escaped) as safe HTML
            return panel.render(context)
