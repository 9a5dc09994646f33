from django.db import migrations

# slug, French, English, Dutch, Arabic
THEMES = [
    ("business-model", "Modèle d'affaires", "Business model", "Bedrijfsmodel", "نموذج الأعمال"),
    ("financing", "Financement", "Financing", "Financiering", "التمويل"),
    ("export-logistics", "Export et logistique", "Export and logistics", "Export en logistiek", "التصدير واللوجستيك"),
    ("law", "Droit des sociétés", "Company law", "Vennootschapsrecht", "قانون الشركات"),
    ("marketing", "Marketing et numérique", "Marketing and digital", "Marketing en digitaal", "التسويق والرقمنة"),
    ("pitching", "Pitch et communication", "Pitching and communication", "Pitchen en communicatie", "العرض والتواصل"),
    ("leadership", "Leadership et équipe", "Leadership and team", "Leiderschap en team", "القيادة والفريق"),
]


CERTIFICATE_TEXTS = {
    "fr": (
        "Certificat de réussite",
        "Nous certifions que {{ learner }} a suivi avec succès le module « {{ module }} » de l'{{ edition }}, "
        "d'une durée de {{ hours }} heures, achevé le {{ completed_on }}.\n\nFormateurs : {{ instructors }}",
        "Pour le Digital Lab DIMOBEL",
        "Vérifiez ce certificat avec son code {{ code }}.",
    ),
    "en": (
        "Certificate of completion",
        "This certifies that {{ learner }} has successfully completed the module “{{ module }}” of {{ edition }}, "
        "{{ hours }} hours of study, on {{ completed_on }}.\n\nInstructors: {{ instructors }}",
        "For the DIMOBEL Digital Lab",
        "Verify this certificate with its code {{ code }}.",
    ),
    "nl": (
        "Getuigschrift",
        "Hierbij verklaren wij dat {{ learner }} de module „{{ module }}” van {{ edition }} met succes heeft "
        "afgerond ({{ hours }} uur) op {{ completed_on }}.\n\nLesgevers: {{ instructors }}",
        "Namens het DIMOBEL Digital Lab",
        "Controleer dit getuigschrift met de code {{ code }}.",
    ),
    "ar": (
        "شهادة إتمام",
        "نشهد بأن {{ learner }} قد أتمّ بنجاح وحدة «{{ module }}» ضمن {{ edition }}، "
        "بمدة {{ hours }} ساعة، بتاريخ {{ completed_on }}.\n\nالمكوّنون: {{ instructors }}",
        "عن المختبر الرقمي DIMOBEL",
        "تحقق من هذه الشهادة برمزها {{ code }}.",
    ),
}


def create_defaults(apps, schema_editor):
    Theme = apps.get_model("autumn_school", "Theme")
    for slug, fr, en, nl, ar in THEMES:
        Theme.objects.get_or_create(slug=slug, defaults={"name_fr": fr, "name_en": en, "name_nl": nl, "name_ar": ar})
    CertificateTemplate = apps.get_model("autumn_school", "CertificateTemplate")
    for language, (title, body, signature, footer) in CERTIFICATE_TEXTS.items():
        CertificateTemplate.objects.get_or_create(
            language=language, defaults={"title": title, "body": body, "signature": signature, "footer": footer}
        )


class Migration(migrations.Migration):
    dependencies = [("autumn_school", "0001_initial")]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
