from django.db import migrations

# slug, French, English, Dutch, Arabic
SERVICES = [
    (
        "business-plan",
        "Coaching du business plan",
        "Business plan coaching",
        "Coaching van het ondernemingsplan",
        "مواكبة مخطط الأعمال",
    ),
    (
        "legal-tax",
        "Conseil juridique et fiscal",
        "Legal and tax advice",
        "Juridisch en fiscaal advies",
        "الاستشارة القانونية والضريبية",
    ),
    ("financing", "Recherche de financement", "Access to finance", "Toegang tot financiering", "البحث عن التمويل"),
    (
        "export",
        "Export et accès aux marchés",
        "Export and market access",
        "Export en markttoegang",
        "التصدير والولوج إلى الأسواق",
    ),
    (
        "incubation",
        "Incubation et hébergement",
        "Incubation and hosting",
        "Incubatie en huisvesting",
        "الاحتضان والإيواء",
    ),
    ("mentoring", "Mentorat", "Mentoring", "Mentoring", "الإرشاد"),
    ("digital", "Transformation numérique", "Digital transformation", "Digitale transformatie", "التحول الرقمي"),
    ("hr", "Recrutement et compétences", "Recruitment and skills", "Werving en vaardigheden", "التوظيف والكفاءات"),
]


def create_services(apps, schema_editor):
    AssistanceService = apps.get_model("consortium", "AssistanceService")
    for slug, fr, en, nl, ar in SERVICES:
        AssistanceService.objects.get_or_create(
            slug=slug, defaults={"name_fr": fr, "name_en": en, "name_nl": nl, "name_ar": ar}
        )


class Migration(migrations.Migration):
    dependencies = [("consortium", "0001_initial")]

    operations = [migrations.RunPython(create_services, migrations.RunPython.noop)]
