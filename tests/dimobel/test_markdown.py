from django.template import Context, Template

from dimobel.markdown import render_markdown


def test_markdown_is_rendered_and_scripts_are_stripped():
    html = render_markdown("**Export** vers [Tanger](https://example.org)\n\n<script>alert(1)</script>")
    assert "<strong>Export</strong>" in html
    assert 'href="https://example.org"' in html
    assert 'rel="noopener noreferrer nofollow"' in html
    assert "<script>" not in html


def test_javascript_links_are_removed():
    assert "javascript:" not in render_markdown("[clic](javascript:alert(1))")


def test_the_template_filter_uses_the_same_renderer():
    out = Template("{% load dimobel %}{{ text|markdown }}").render(Context({"text": "_bonjour_ <b onclick=x>"}))
    assert "<em>bonjour</em>" in out
    assert "onclick" not in out
