from django.db import migrations

# slug, French, English, Dutch, Arabic
SECTORS = [
    ("agrifood", "Agroalimentaire", "Agri-food", "Agrovoeding", "الصناعات الغذائية"),
    ("digital", "Numérique et TIC", "Digital and ICT", "Digitaal en ICT", "الرقمنة وتكنولوجيا المعلومات"),
    ("renewable-energy", "Énergies renouvelables", "Renewable energy", "Hernieuwbare energie", "الطاقات المتجددة"),
    ("logistics", "Transport et logistique", "Transport and logistics", "Transport en logistiek", "النقل واللوجستيك"),
    ("textile", "Textile et habillement", "Textiles and clothing", "Textiel en kleding", "النسيج والألبسة"),
    ("tourism", "Tourisme et hôtellerie", "Tourism and hospitality", "Toerisme en horeca", "السياحة والفندقة"),
    ("health", "Santé et pharmacie", "Health and pharma", "Gezondheid en farma", "الصحة والصيدلة"),
    (
        "construction",
        "Construction et immobilier",
        "Construction and real estate",
        "Bouw en vastgoed",
        "البناء والعقار",
    ),
    ("finance", "Finance et assurance", "Finance and insurance", "Financiën en verzekeringen", "المالية والتأمين"),
    ("education", "Éducation et formation", "Education and training", "Onderwijs en opleiding", "التعليم والتكوين"),
    (
        "culture",
        "Industries culturelles et créatives",
        "Cultural and creative industries",
        "Culturele en creatieve sector",
        "الصناعات الثقافية والإبداعية",
    ),
    (
        "automotive",
        "Automobile et aéronautique",
        "Automotive and aerospace",
        "Automobiel en luchtvaart",
        "السيارات والطيران",
    ),
    (
        "social-economy",
        "Économie sociale et solidaire",
        "Social and solidarity economy",
        "Sociale economie",
        "الاقتصاد الاجتماعي والتضامني",
    ),
]

HELP_TYPES = [
    ("financing", "Financement", "Financing", "Financiering", "التمويل"),
    ("mentoring", "Mentorat", "Mentoring", "Mentoring", "الإرشاد"),
    ("market-access", "Accès au marché", "Market access", "Markttoegang", "الولوج إلى السوق"),
    ("business-partners", "Partenaires d’affaires", "Business partners", "Zakenpartners", "شركاء الأعمال"),
    ("import-export", "Import-export", "Import/export", "Import/export", "الاستيراد والتصدير"),
    ("recruitment", "Recrutement", "Recruitment", "Rekrutering", "التوظيف"),
    (
        "legal-tax",
        "Conseil juridique et fiscal",
        "Legal and tax advice",
        "Juridisch en fiscaal advies",
        "الاستشارة القانونية والضريبية",
    ),
    ("training", "Formation", "Training", "Opleiding", "التكوين"),
    ("investment", "Investissement", "Investment", "Investering", "الاستثمار"),
    ("subcontracting", "Sous-traitance", "Subcontracting", "Onderaanneming", "المناولة"),
    (
        "incubation",
        "Incubation et accélération",
        "Incubation and acceleration",
        "Incubatie en versnelling",
        "الاحتضان والتسريع",
    ),
    ("networking", "Mise en réseau", "Networking", "Netwerking", "التشبيك"),
]


def create_terms(apps, schema_editor):
    for model_name, rows in [("Sector", SECTORS), ("HelpType", HELP_TYPES)]:
        model = apps.get_model("network", model_name)
        for slug, fr, en, nl, ar in rows:
            model.objects.get_or_create(
                slug=slug, defaults={"name_fr": fr, "name_en": en, "name_nl": nl, "name_ar": ar}
            )


class Migration(migrations.Migration):
    """The starting taxonomies; organisers edit them in the admin afterwards."""

    dependencies = [("network", "0003_profiles")]

    operations = [migrations.RunPython(create_terms, migrations.RunPython.noop)]
