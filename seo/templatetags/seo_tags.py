from django import template

from seo.head import head_for

register = template.Library()


@register.simple_tag(takes_context=True)
def seo_head(context):
    """The values of components/seo_head.html for the page being rendered (seo.head)."""
    return head_for(context)
