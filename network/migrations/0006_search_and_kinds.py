from django.db import migrations

# Accent-insensitive text search configurations: "french_unaccent" stems French words, "simple_unaccent"
# keeps words as they are (names, Arabic or Dutch words). network/search.py combines both.
SEARCH_CONFIGURATIONS = """
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
    CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION french_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'simple_unaccent') THEN
    CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION simple_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
  END IF;
END
$$;
"""

DROP_CONFIGURATIONS = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;
DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_unaccent;
"""

# slug, French, English, Dutch, Arabic
KINDS = [
    ("company", "Entreprise", "Company", "Bedrijf", "مقاولة"),
    (
        "university",
        "Université ou centre de recherche",
        "University or research centre",
        "Universiteit of onderzoekscentrum",
        "جامعة أو مركز بحث",
    ),
    (
        "support-agency",
        "Agence d’accompagnement ou d’investissement",
        "Business-support or investment agency",
        "Ondersteunings- of investeringsagentschap",
        "وكالة للمواكبة أو الاستثمار",
    ),
    (
        "incubator",
        "Incubateur ou accélérateur",
        "Incubator or accelerator",
        "Incubator of accelerator",
        "حاضنة أو مسرّعة",
    ),
    (
        "association",
        "Association ou réseau de la diaspora",
        "Association or diaspora network",
        "Vereniging of diasporanetwerk",
        "جمعية أو شبكة للجالية",
    ),
    ("public-institution", "Institution publique", "Public institution", "Overheidsinstelling", "مؤسسة عمومية"),
    ("chamber", "Chambre de commerce", "Chamber of commerce", "Kamer van koophandel", "غرفة التجارة"),
    ("funder", "Financeur ou banque", "Funder or bank", "Financier of bank", "ممول أو بنك"),
]


def create_kinds(apps, schema_editor):
    OrganisationKind = apps.get_model("network", "OrganisationKind")
    for slug, fr, en, nl, ar in KINDS:
        OrganisationKind.objects.get_or_create(
            slug=slug, defaults={"name_fr": fr, "name_en": en, "name_nl": nl, "name_ar": ar}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("dimobel", "0001_initial"),  # the unaccent and pg_trgm extensions
        ("network", "0005_organisations_messaging_opportunities"),
    ]

    operations = [
        migrations.RunSQL(SEARCH_CONFIGURATIONS, DROP_CONFIGURATIONS),
        migrations.RunPython(create_kinds, migrations.RunPython.noop),
    ]
