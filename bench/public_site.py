"""Benchmark of the public site under the production set-up, against a bare Django view.

    .venv/bin/python bench/public_site.py [--seconds 5] [--connections 8] [--workers 2] [--port 8765]

It fills var/production-demo.sqlite3 with the demo data as `make serve-production` does, then
starts gunicorn (sync workers, the production settings, WhiteNoise) three times on 127.0.0.1:
with a bare template view (the floor, bench/floor.py), with the site and its page cache off, and
with the page cache on; drives each public page type with wrk (Debian's package) and prints, per
page type, requests per second, median and 95th-percentile latency, queries per request and the
share of the floor, uncached and cached; then a worker's resident memory after 5,000 requests.
Targets, printed and never asserted: every page uncached at least 15 % of the floor, from the page
cache at least 70 %; a worker's memory at most 250 MB. Not part of the test run; see bench/README.md.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
DATABASE = f"sqlite:///{VAR / 'production-demo.sqlite3'}"
PAGE_CACHE_DIR = VAR / "bench-page-cache"
LUA = ROOT / "bench" / "wrk_report.lua"
BIN = ROOT / ".venv" / "bin"
TARGETS = {"uncached": 0.15, "cached": 0.70, "rss_mb": 250}
MEMORY_REQUESTS = 5_000


def environment(settings: str, page_cache_seconds: int) -> dict[str, str]:
    key_file = VAR / "production-demo.key"
    if not key_file.exists():
        key_file.write_text(os.urandom(32).hex())
    key = key_file.read_text().strip()
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": DATABASE,
        "SECRET_KEY": key,
        "RECORD_DIGEST_KEY": f"{key}-records",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "EMAIL_URL": "consolemail://",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "PAGE_CACHE_DIR": str(PAGE_CACHE_DIR),
        "LOG_LEVEL": "ERROR",
    }


def prepare() -> None:
    """The demo database and the static files, as scripts/serve-production makes them."""
    VAR.mkdir(exist_ok=True)
    dev = {**os.environ, "DATABASE_URL": DATABASE, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    subprocess.run([BIN / "python", "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=dev, check=True)
    subprocess.run([BIN / "python", "manage.py", "load_demo"], cwd=ROOT, env=dev, check=True, stdout=subprocess.DEVNULL)
    production = environment("config.settings.production", 0)
    collect = [BIN / "python", "manage.py", "collectstatic", "--noinput", "-v0"]
    subprocess.run(collect, cwd=ROOT, env=production, check=True)


def page_types() -> list[tuple[str, str, bool]]:
    """(name, path, cacheable) for each public page type, read from the demo database."""
    from django.contrib.auth.models import AnonymousUser
    from django.urls import reverse
    from django.utils import translation

    from cms import models
    from governance.orders import selectors

    def first(model) -> str:
        page = model.objects.live().public().filter(locale__language_code="ky").order_by("path").first()
        return page.get_url_parts()[2]

    translation.activate("ky")
    order = selectors.public_registry(AnonymousUser()).first()
    rows = [
        ("home", "/ky/", True),
        ("publication section", first(models.PublicationIndexPage), True),
        ("publication", first(models.PublicationPage), True),
        ("event section", first(models.EventIndexPage), True),
        ("event", first(models.EventPage), True),
        ("legal-act section", first(models.LegalActIndexPage), True),
        ("legal act", first(models.LegalActPage), True),
        ("plain page", first(models.StandardPage), True),
        ("contact page", first(models.ContactPage), True),
        ("orders registry", reverse("orders:registry"), True),
        ("an order", reverse("orders:detail", args=[order.year, order.number_display]), True),
        ("news feed (RSS)", reverse("feed", args=["news", "rss"]), True),
        ("sitemap", reverse("sitemap"), True),
        ("search", reverse("search") + "?q=" + quote("мигрант"), False),
        ("structure", reverse("structure:public"), False),
        ("API /api/v1/orders/", "/api/v1/orders/", False),
    ]
    translation.deactivate()
    return rows


def count_queries(rows) -> dict[str, tuple[int, int]]:
    """Queries per request of each page, rendered (page cache off) and from the page cache."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    def queries(client, path) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return len(captured)

    counts = {}
    for name, path, _cacheable in rows:
        client = Client(HTTP_HOST="127.0.0.1")
        with override_settings(PAGE_CACHE_SECONDS=0):
            client.get(path)
            uncached = queries(client, path)
        client.get(path)
        counts[name] = (uncached, queries(client, path))
    return counts


class Server:
    def __init__(self, settings: str, page_cache_seconds: int, port: int, workers: int):
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [BIN / "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
            cwd=ROOT,
            env=environment(settings, page_cache_seconds),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url + "/", timeout=1)  # noqa: S310 (our own server)
                return
            except urllib.error.HTTPError:
                return  # it answers
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("gunicorn did not start")

    def workers_rss_mb(self) -> list[float]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        sizes = []
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
        return sizes

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def wrk(url: str, seconds: float, connections: int, paths: list[str] | None = None) -> dict:
    env = {**os.environ, "PATHS": " ".join(paths or [])}
    threads = str(min(2, connections))
    command = ["wrk", "-t", threads, "-c", str(connections), "-d", f"{max(1, round(seconds))}s", "-s", str(LUA), url]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(re.search(r"^RESULT (.*)$", output, re.MULTILINE).group(1))


def warm(url: str, times: int = 20) -> None:
    for _ in range(times):
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our own server)
            response.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: scripts/system-packages wrk")

    prepare()
    shutil.rmtree(PAGE_CACHE_DIR, ignore_errors=True)
    os.environ.update(environment("config.settings.production", 3600))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    rows = page_types()
    queries = count_queries(rows)
    shutil.rmtree(PAGE_CACHE_DIR, ignore_errors=True)

    server = Server("bench.floor", 0, args.port, args.workers)
    try:
        warm(server.url + "/")
        floor = wrk(server.url + "/", args.seconds, args.connections)
    finally:
        server.stop()

    results = {}
    rss = []
    for mode, seconds in (("uncached", 0), ("cached", 3600)):
        server = Server("config.settings.production", seconds, args.port, args.workers)
        try:
            served = 0
            for name, path, _cacheable in rows:
                warm(server.url + path)
                results[name, mode] = wrk(server.url + path, args.seconds, args.connections)
                served += results[name, mode]["requests"] + 20
            if mode == "uncached":
                # Every page in turn until each worker has served at least MEMORY_REQUESTS.
                needed = MEMORY_REQUESTS * args.workers - served
                if needed > 0:
                    rate = sum(results[name, mode]["rps"] for name, *_ in rows) / len(rows)
                    wrk(server.url, needed / rate + 1, args.connections, [path for _, path, _ in rows])
                rss = server.workers_rss_mb()
        finally:
            server.stop()
    shutil.rmtree(PAGE_CACHE_DIR, ignore_errors=True)

    print(f"{time.strftime('%Y-%m-%d %H:%M %Z')}, {os.cpu_count()} cores, gunicorn {args.workers} sync workers,")
    print(f"wrk {args.connections} connections, {args.seconds:g} s per page, SQLite demo data, loopback.")
    print(
        f"Floor (bare Django template view): {floor['rps']:.0f} req/s, "
        f"p50 {floor['p50_ms']:.1f} ms, p95 {floor['p95_ms']:.1f} ms"
    )
    print()
    print("| page | uncached req/s | p50 / p95 ms | queries | floor | cached req/s | p50 / p95 ms | queries | floor |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, path, cacheable in rows:
        cells = [f"{name} `{path}`"]
        for mode, index in (("uncached", 0), ("cached", 1)):
            result = results[name, mode]
            share = result["rps"] / floor["rps"]
            target = TARGETS[mode]
            mark = "" if share >= target or (mode == "cached" and not cacheable) else " ✗"
            errors = f" ({result['errors']} errors)" if result["errors"] else ""
            cells += [
                f"{result['rps']:.0f}{errors}",
                f"{result['p50_ms']:.1f} / {result['p95_ms']:.1f}",
                str(queries[name][index]),
                f"{share:.0%}{mark}",
            ]
        if not cacheable:
            cells[-4] = "never cached: " + cells[-4]
        print("| " + " | ".join(cells) + " |")
    print()
    print(f"Targets: uncached ≥ {TARGETS['uncached']:.0%} of the floor, cached ≥ {TARGETS['cached']:.0%}; ✗ misses.")
    worst = max(rss) if rss else 0
    verdict = "within" if worst <= TARGETS["rss_mb"] else "over"
    print(
        f"Workers' resident memory after ≥ {MEMORY_REQUESTS:,} requests each: "
        f"{', '.join(f'{size:.0f} MB' for size in rss)} ({verdict} the {TARGETS['rss_mb']} MB target)."
    )


if __name__ == "__main__":
    main()
