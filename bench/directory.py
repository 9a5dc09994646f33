"""Directory at scale: ms per request, queries per request, and the indexes the main queries use.

Seeds BENCH_SCALE profiles (default 20,000; ``BENCH_SCALE=100000 make bench`` for the full target) and a
fifth as many organisations with the demo's scale seeder, then requests directory URLs as a member.
"""

import io
import os
import re
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

DEFAULT_SCALE = 20_000
RUNS = 10

URLS = [
    ("people, no filter", "/fr/network/"),
    ("people, country", "/fr/network/?country=MA"),
    ("people, sector + offers", "/fr/network/?sector=agrifood&offers=mentoring"),
    ("people, search", "/fr/network/?q=logistique+portuaire"),
    ("people, name search", "/fr/network/?q=bennani"),
    ("people, typo search", "/fr/network/?q=Benanni"),
    ("people, newest", "/fr/network/?sort=newest"),
    ("people, page 50", "/fr/network/?page=50"),
    ("organisations, no filter", "/fr/network/organisations/"),
    ("organisations, kind", "/fr/network/organisations/?kind=incubator"),
    ("organisations, search", "/fr/network/organisations/?q=incubateur+atlas"),
]

PLAN_NODE = re.compile(r"(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: Backward)?(?: using| on) (\S+)")


def _main_queries(queries):
    """The count and the page query of a directory request (the ones that read the directory's table)."""
    main = []
    for query in queries:
        sql = query["sql"]
        if re.match(r'\(?SELECT .*? FROM "network_(profile|organisation)" ', sql):
            main.append(sql)
    return main


def _plan_summary(sql, *, setup=None):
    with connection.cursor() as cursor:
        if setup:
            cursor.execute(setup)
        cursor.execute("EXPLAIN (ANALYZE, FORMAT TEXT) " + sql)
        lines = [row[0] for row in cursor.fetchall()]
    nodes = [f"{kind.replace(' Scan', '').lower()}:{name}" for kind, name in PLAN_NODE.findall("\n".join(lines))]
    total = next((line.split(":")[1].strip() for line in lines if line.startswith("Execution Time")), "?")
    return ", ".join(dict.fromkeys(nodes)), total


def measure(client, *, runs=RUNS, out=print):
    out(f"{'directory page':<26} {'ms/req':>7} {'queries':>7}  main queries: plan nodes (execution time)")
    for label, url in URLS:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            for _ in range(runs):
                client.get(url)
            elapsed = time.perf_counter() - start
        per_request = len(queries) // runs
        out(f"{label:<26} {elapsed / runs * 1000:7.1f} {per_request:7d}")
        setup = None
        if "typo" in label:
            setup = "SELECT set_config('pg_trgm.word_similarity_threshold', '0.4', false)"
        for sql in _main_queries(queries.captured_queries[:per_request]):
            kind = "count" if sql.startswith("SELECT COUNT") else "page "
            nodes, total = _plan_summary(sql, setup=setup)
            out(f"{'':<28}{kind}: {nodes} ({total})")


def bench_directory():
    from demo.network.scale import seed_scale
    from network.models import Organisation, Profile, User

    scale = int(os.environ.get("BENCH_SCALE", DEFAULT_SCALE))
    start = time.perf_counter()
    created = seed_scale(io.StringIO(), scale=scale)
    print(f"directory: seeded {created} profiles and organisations in {time.perf_counter() - start:.0f}s")
    with connection.cursor() as cursor:  # what autovacuum does on a live site: statistics, visibility map
        cursor.execute(
            "VACUUM ANALYZE network_user, network_profile, network_profile_sectors, network_profile_offers, "
            "network_profile_needs, network_organisation, network_organisation_sectors"
        )
    print(f"directory: {Profile.objects.count()} profiles, {Organisation.objects.count()} organisations")
    viewer = User.objects.create_user(email="bench-directory@example.org", first_name="Bench", last_name="Viewer")
    client = Client()
    client.force_login(viewer)
    measure(client)
