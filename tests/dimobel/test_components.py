"""The shared template components in templates/includes/: pagination, filter panel, form card, figure card."""

import pytest
from django import forms
from django.core.paginator import Paginator
from django.template import RequestContext, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.utils import translation


def render(source, path="/en/list/", **context):
    request = RequestFactory().get(path)
    with translation.override("en"):
        return Template("{% load dimobel %}" + source).render(RequestContext(request, context))


def page(number, *, pages):
    return Paginator(range(pages * 10), 10).get_page(number)


def test_the_page_links_keep_the_filters_and_mark_the_current_page():
    html = render("{% pagination page_obj %}", "/en/list/?kind=job&page=5", page_obj=page(5, pages=9))

    assert 'aria-label="Pages"' in html
    assert '<a class="page-link" href="?kind=job&amp;page=4" rel="prev">Previous</a>' in html
    assert '<a class="page-link" href="?kind=job&amp;page=6" rel="next">Next</a>' in html
    assert '<span class="page-link" aria-current="page"><span class="visually-hidden">Page </span>5</span>' in html
    # The first and last pages and the neighbours of the current one, an ellipsis in each gap.
    shown = [
        n for n in range(1, 10) if f'?kind=job&amp;page={n}"><span class="visually-hidden">Page </span>{n}<' in html
    ]
    assert shown == [1, 4, 6, 9]
    assert html.count("…") == 2
    assert "hx-get" not in html


def test_one_page_needs_no_page_links():
    assert render("{% pagination page_obj %}", page_obj=page(1, pages=1)).strip() == ""


def test_with_a_target_htmx_loads_each_page_into_it():
    html = render(
        '{% pagination page_obj label="Result pages" hx_target="#results" hx_swap="innerHTML show:#count:top" %}',
        page_obj=page(1, pages=2),
    )
    assert 'aria-label="Result pages"' in html
    assert 'href="?page=2" hx-get="?page=2" hx-target="#results" hx-push-url="true"' in html
    assert 'hx-swap="innerHTML show:#count:top"' in html
    assert "Previous" not in html


class Filters(forms.Form):
    q = forms.CharField(label="Search", required=False, widget=forms.TextInput(attrs={"type": "search"}))
    level = forms.ChoiceField(label="Level", choices=[("", "Any"), ("advanced", "Advanced")], required=False)


def test_the_filter_panel_wraps_the_fields_it_is_given():
    form = Filters({"q": "pitch", "level": "advanced"})
    html = render(
        '{% filter_panel action="/en/list/" label="Filter the modules" panel_id="list-filters" search=form.q '
        'active=1 hx_target="#results" %}<p id="the-fields">{{ form.level }}</p>{% endfilter_panel %}',
        form=form,
    )

    assert '<form method="get" action="/en/list/" role="search" aria-label="Filter the modules"' in html
    assert 'hx-get="/en/list/" hx-target="#results" hx-push-url="true"' in html
    # The search box fits the input group whatever its widget says, and keeps what was typed.
    assert 'value="pitch"' in html
    assert 'class="form-control" autocomplete="off"' in html
    # A phone shows the filters unfolded when some are in use, and says how many.
    assert 'aria-controls="list-filters" aria-expanded="true"' in html
    assert 'class="collapse d-lg-block show" id="list-filters"' in html
    assert '<span id="list-filters-count"><span class="badge text-bg-primary">1' in html
    assert '<p id="the-fields"><select name="level"' in html
    assert '<a class="btn btn-link px-1" href="/en/list/">Clear all</a>' in html


def test_without_filters_in_use_the_panel_is_folded_and_works_without_htmx():
    html = render('{% filter_panel action="/en/list/" label="Filter" panel_id="p" %}{% endfilter_panel %}')
    assert 'aria-expanded="false"' in html
    assert 'class="collapse d-lg-block" id="p"' in html
    assert '<span id="p-count"></span>' in html
    assert "hx-get" not in html
    assert "input-group" not in html


def test_a_misspelt_filter_panel_option_fails_when_the_template_loads():
    with pytest.raises(TemplateSyntaxError, match="filter_panel takes name=value options"):
        Template('{% load dimobel %}{% filter_panel action="/" panel="x" %}{% endfilter_panel %}')


def test_a_block_inside_the_filter_panel_stays_overridable():
    from django.template import engines

    engine = engines["django"].engine
    parent = engine.from_string(
        '{% load dimobel %}{% filter_panel action="/" label="F" panel_id="p" %}'
        "{% block filters %}parent{% endblock %}{% endfilter_panel %}"
    )
    child = engine.from_string('{% extends parent %}{% block filters %}<i id="child-filters"></i>{% endblock %}')
    html = child.render(RequestContext(RequestFactory().get("/"), {"parent": parent}))
    assert '<i id="child-filters"></i>' in html
    assert "parent" not in html.split('id="p"')[1]


def test_a_figure_card_says_the_label_before_the_value():
    html = render(
        '<dl>{% include "includes/figure_card.html" with label="Confirmed" value=4 of=10 id="count-confirmed" %}</dl>'
    )
    assert html.index("<dt") < html.index("<dd")
    assert '<dd class="fs-4 fw-semibold mb-0" id="count-confirmed">4<span' in html
    assert "> / 10</span>" in html


class Message(forms.Form):
    body = forms.CharField(label="Your message", widget=forms.Textarea)


@pytest.mark.parametrize("multipart", [False, True])
def test_a_form_card_posts_the_form_and_offers_a_way_back(multipart):
    html = render(
        '{% include "includes/form_card.html" with submit_label="Send" submit_icon="send" cancel_url="/back/" %}',
        form=Message(),
        multipart=multipart,
    )
    assert ('enctype="multipart/form-data"' in html) is multipart
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="body"' in html
    assert (
        '<button type="submit" class="btn btn-primary"><i class="bi bi-send me-1" aria-hidden="true"></i>Send</button>'
        in html
    )
    assert '<a class="btn btn-outline-secondary" href="/back/">Cancel</a>' in html
