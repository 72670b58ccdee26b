"""`make bench-reports`: generating a bilingual Voluntary Local Review of about 60 pages.

In a throwaway SQLite database (a temporary directory, removed afterwards) loads the Kanazawa
demo (`load_demo`; the real SSDSE statistics too when they are in TSUNAGU_DATA_DIR), takes the
demo's VLR (made from the VLR template: the overview, 17 goals, partnership, events,
biodiversity, crafts network, tourism and sources blocks between narrative sections; without
it, a VLR of those blocks is made here) and generates a version through report_version_build,
as the builder does. Prints the whole generation time (target <= 20 s), the time of each stage
(snapshot, PDF ja/en, Word ja/en) and the page count of each PDF; BENCH_REPORTS_OUTPUT=dir
keeps the four files there. A block that is not registered is replaced by a narrative section
and named in the output, so the run still measures the rest.
"""

import io
import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 20.0
OUTPUT = os.environ.get("BENCH_REPORTS_OUTPUT", "")
BLOCKS = [
    ("goal_overview", {}),
    *[("goal_detail", {"goal": number}) for number in range(1, 18)],
    ("partnership", {}),
    ("events_outcomes", {}),
    ("biodiversity", {}),
    ("crafts_network", {}),
    ("tourism", {}),
    ("sources", {}),
]
NARRATIVE = {
    "ja": "<p>本節は、ベンチマーク用に作成した報告書の本文です。</p>",
    "en": "<p>This section is the narrative of the benchmark report.</p>",
}


def django_setup(workdir: Path) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "DEBUG": "False",
            "MEDIA_ROOT": str(workdir / "media"),
            "TSUNAGU_PRIVATE_MEDIA_ROOT": str(workdir / "private-media"),
            "CELERY_BROKER_URL": "",
            "REDIS_URL": "",
            "LOG_LEVEL": "WARNING",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def database_prepare() -> None:
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    print(f"database: migrated and demo loaded in {time.perf_counter() - started:.1f} s")


def report_prepare():
    """The demo's VLR (`load_demo` creates it from the VLR template), else a VLR made here
    with the block list above; unregistered blocks become narrative sections."""
    from django.conf import settings

    from tsunagu.core.models import Area
    from tsunagu.reports import blocks
    from tsunagu.reports.models import Report, Section, SectionKind

    report = Report.objects.filter(type="vlr", is_demo=True).order_by("-period_end").first()
    if report is None:
        year = date.today().year - 1
        report = Report.objects.create(
            slug="bench-vlr",
            type="vlr",
            title_ja=f"金沢市 SDGs 自発的自治体レビュー {year}（ベンチマーク）",
            title_en=f"Kanazawa SDG Voluntary Local Review {year} (benchmark)",
            area=Area.objects.get(code=settings.TSUNAGU_CITY_CODE),
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
            languages="both",
            is_demo=True,
        )
        for order, (name, params) in enumerate(BLOCKS):
            block = blocks._registry.get(name)
            heading = block.default_heading(params) if block else {"ja": name, "en": name}
            Section.objects.create(
                report=report,
                order=order,
                kind=SectionKind.BLOCK,
                block=name,
                params=params,
                heading_ja=heading["ja"],
                heading_en=heading["en"],
            )
        print("report: the demo has no VLR; one made from the block list")
    missing = []
    for section in report.sections.filter(kind=SectionKind.BLOCK):
        try:
            blocks.block_get(section.block)
        except KeyError:
            missing.append(section.block)
            section.kind, section.block = SectionKind.NARRATIVE, ""
            section.body_ja, section.body_en = NARRATIVE["ja"], NARRATIVE["en"]
            section.save()
    if missing:
        print(f"MISSING blocks (replaced by narrative sections): {', '.join(missing)}")
    return report


def timed(stages: dict[str, float], module, name: str, label) -> None:
    """Wrap module.name so that each call adds its duration to stages[label(args)]."""
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            key = label(*args)
            stages[key] = stages.get(key, 0.0) + time.perf_counter() - started

    setattr(module, name, wrapper)


def generate(report) -> tuple[object, float, dict[str, float]]:
    from tsunagu.reports.models import ReportVersion
    from tsunagu.reports.outputs import docx, pdf
    from tsunagu.reports.services import generation

    stages: dict[str, float] = {}
    timed(stages, generation, "snapshot_build", lambda *args: "snapshot")
    timed(stages, pdf, "report_pdf", lambda snapshot, language: f"PDF {language}")
    timed(stages, docx, "report_docx", lambda snapshot, language: f"Word {language}")
    version = ReportVersion.objects.create(report=report, number=1)
    started = time.perf_counter()
    version = generation.report_version_build(version.pk)
    return version, time.perf_counter() - started, stages


def files_read(version) -> dict[str, bytes]:
    files = {}
    for kind in ("pdf", "docx"):
        for language in ("ja", "en"):
            with getattr(version, f"{kind}_{language}").open("rb") as file:
                files[f"{kind}_{language}"] = file.read()
    return files


def pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="tsunagu-bench-reports-"))
    try:
        django_setup(workdir)
        database_prepare()
        report = report_prepare()
        version, seconds, stages = generate(report)
        if version.status != "done":
            print(f"generation FAILED: {version.error}")
            return 1
        print(f"report: {report.sections.count()} sections, languages ja + en")
        for stage in ("snapshot", "PDF ja", "PDF en", "Word ja", "Word en"):
            print(f"  {stage:<9} {stages.get(stage, 0.0):6.2f} s")
        files = files_read(version)
        for language in ("ja", "en"):
            print(f"  PDF {language} pages: {pages(files[f'pdf_{language}'])}")
        if OUTPUT:
            Path(OUTPUT).mkdir(parents=True, exist_ok=True)
            for name, content in files.items():
                kind, language = name.split("_")
                (Path(OUTPUT) / f"bench-vlr-{language}.{kind}").write_bytes(content)
            print(f"files written to {OUTPUT}")
        print(f"generation {seconds:.2f} s (target <= {TARGET_SECONDS:.0f} s)")
        return 0 if seconds <= TARGET_SECONDS else 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
