"""The demo courses of the autumn school, one module each. ``MODULES`` keeps the catalogue order: each edition
numbers its modules in it."""

from demo.autumn_school.courses import (
    business_model_canvas,
    company_law,
    digital_marketing,
    entrepreneurship_intro_ar,
    export_logistics,
    financing_in_morocco,
    pitching,
    social_enterprise,
)

MODULES = [
    business_model_canvas.MODULE,
    financing_in_morocco.MODULE,
    export_logistics.MODULE,
    company_law.MODULE,
    digital_marketing.MODULE,
    pitching.MODULE,
    social_enterprise.MODULE,
    entrepreneurship_intro_ar.MODULE,
]
