"""Importing article files: the five real seeds and articles written here for every rule."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from sources.ingestion import dedup
from sources.ingestion.cleaning import clean_article
from sources.ingestion.service import import_file
from sources.models import Source

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here")

EXPECTED = {
    "000": ("Central Asia and China initiate political dialogue on continuing cooperation", None),
    "001": ("Central Asia-China Summit was held with the participation of 6 leaders", None),
    "002": (
        "The Fifth China-Central Asia Foreign Ministers’ meeting in Chengdu on Dec. 1 reaffirmed",
        None,
    ),
    "003": (
        "China and Central Asian countries have agreed to boost cooperation in various fields",
        "2025-04-26",
    ),
    "004": ("The foreign affairs ministers of Kazakhstan and China signed a protocol", None),
}
DEBRIS = [
    "Comments (0)",
    "İlgili Makaleler",
    "Başa dön tuşu",
    "Reklam Engelleyici",
    "ad blocker",
    "↺",
    "16 px",
    "Photo: gov.kz",
]


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def article(*paragraphs: str) -> bytes:
    return "\n\n".join(paragraphs).encode()


FILLER = (
    "The ministers discussed trade, transport and energy cooperation and agreed to meet "
    "again next year in the capital of the next chair of the format."
)


@needs_seeds
@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_title_date_and_no_debris(prefix):
    title_start, date = EXPECTED[prefix]
    cleaned = clean_article(seed(prefix).read_text(encoding="utf-8"))
    assert cleaned.title.startswith(title_start)
    assert (cleaned.published_on.isoformat() if cleaned.published_on else None) == date
    for junk in DEBRIS:
        assert junk not in cleaned.body
    assert len(cleaned.paragraphs) >= 5


@needs_seeds
def test_seed_dateline_gives_the_place_not_the_date():
    cleaned = clean_article(seed("002").read_text(encoding="utf-8"))
    assert cleaned.dateline == "Astana"
    assert cleaned.published_on is None
    assert not cleaned.title.startswith("ASTANA")


@needs_seeds
def test_seed_photo_credit_goes_to_the_credit_field():
    assert clean_article(seed("000").read_text(encoding="utf-8")).image_credit == "gov.kz"


@needs_seeds
@pytest.mark.django_db
def test_import_seeds_twice_creates_once(capsys):
    call_command("import_sources", str(SEEDS), "--format", "json")
    first = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in first] == ["created"] * 5
    assert all(r["source"]["slug"] for r in first)
    assert Source.objects.count() == 5
    assert set(Source.objects.values_list("status", flat=True)) == {"draft"}
    call_command("import_sources", str(SEEDS), "--format", "json")
    second = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in second] == ["unchanged"] * 5
    assert Source.objects.count() == 5


@needs_seeds
@pytest.mark.django_db
def test_raw_text_is_kept_exactly():
    data = seed("001").read_bytes()
    report = import_file(name="001.txt", data=data)
    assert report.source.raw_text == data.decode("utf-8")
    assert "Başa dön tuşu" in report.source.raw_text
    assert "Başa dön tuşu" not in report.source.body


@pytest.mark.django_db
def test_syndicated_copy_is_recorded_as_duplicate_of_the_first():
    paras = [
        "Wang Yi arrives in Astana",
        "Chinese Foreign Minister Wang Yi arrived in Astana on Monday for an official visit and "
        "held talks with Kazakh Deputy Prime Minister and Foreign Minister Murat Nurtleu.",
        "The two ministers signed a protocol creating new subcommittees on agriculture and on "
        "innovation within the intergovernmental cooperation committee of the two states.",
        "They discussed trade, which grew sharply last year, transit transport across the "
        "border and the export of Kazakh farm products to Chinese markets.",
        FILLER,
    ]
    original = import_file(name="wire.txt", data=article(*paras))
    copy = paras.copy()
    copy[0] = "Kazakhstan and China agree on new subcommittees"
    copy[3] = copy[3].replace("sharply", "strongly")
    copy.append("Reporting by our correspondent.")
    reprint = import_file(name="reprint.txt", data=article(*copy))
    assert original.status == "created"
    assert reprint.status == "duplicate"
    assert reprint.source.duplicate_of == original.source
    third = import_file(name="third.txt", data=article("Third copy headline here", *copy[1:]))
    assert third.source.duplicate_of == original.source


@pytest.mark.django_db
def test_different_stories_on_the_same_meeting_are_not_duplicates():
    a = import_file(
        name="a.txt",
        data=article(
            "Ministers meet in Chengdu",
            "The foreign ministers of China and the five Central Asian states met in Chengdu and "
            "agreed to deepen cooperation on transport corridors and on water resources.",
            FILLER,
        ),
    )
    b = import_file(
        name="b.txt",
        data=article(
            "Kazakh minister holds talks with Wang Yi",
            "On the sidelines of the ministerial meeting, the Kazakh minister discussed bilateral "
            "trade, which reached a record, and educational exchanges with his Chinese colleague.",
        ),
    )
    assert (a.status, b.status) == ("created", "created")
    assert b.source.duplicate_of is None


def test_similarity_estimates_are_sensible():
    text = " ".join(f"word{i}" for i in range(300))
    assert dedup.similarity(dedup.sketch(text), dedup.sketch(text)) == 1.0
    edited = text.replace("word150", "changed")
    assert dedup.similarity(dedup.sketch(text), dedup.sketch(edited)) > 0.8
    other = " ".join(f"term{i}" for i in range(300))
    assert dedup.similarity(dedup.sketch(text), dedup.sketch(other)) == 0.0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "The file is empty."),
        ("blank.txt", b"   \n\n  ", "The file is empty."),
        ("binary.txt", bytes(range(256)) * 40, "binary file"),
        ("short.txt", b"Headline of a story here\n\nToo short.", "Too little text"),
        ("noise.txt", "+ ↺ − 16 px\n\nComments (0)\n\nShare".encode(), "No title"),
        (
            "scripts.html",
            (
                b"<html><head><script>" + b"var a=1;" * 500 + b"</script></head>"
                b"<body><script>track()</script></body></html>"
            ),
            "No article text",
        ),
    ],
)
def test_bad_files_are_refused_with_a_reason_and_leave_nothing(name, data, reason):
    report = import_file(name=name, data=data)
    assert report.status == "failed"
    assert reason in report.error
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_oversized_file_is_refused(settings):
    settings.CARAVAN_IMPORT_MAX_BYTES = 1000
    report = import_file(name="big.txt", data=article("A big headline here", FILLER * 20))
    assert report.status == "failed"
    assert "the limit is" in report.error


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["cp1251", "utf-8"])
def test_cyrillic_in_legacy_encodings_is_read_correctly(encoding):
    text = (
        "Си Цзиньпин провёл переговоры с Токаевым\n\n"
        "Председатель КНР Си Цзиньпин провёл переговоры с президентом Казахстана "
        "Касым-Жомартом Токаевым. Стороны обсудили торговлю, транспорт, энергетику и "
        "сотрудничество в области сельского хозяйства, а также подготовку к саммиту."
    )
    report = import_file(name="ru.txt", data=text.encode(encoding))
    assert report.status == "created", report.error
    assert report.source.title == "Си Цзиньпин провёл переговоры с Токаевым"
    assert "Касым-Жомартом Токаевым" in report.source.body
    assert report.source.language == "ru"


@pytest.mark.django_db
def test_latin1_is_read_correctly():
    text = (
        "Réunion des ministres à Almaty\n\n"
        "Les ministres des affaires étrangères se sont réunis à Almaty pour préparer le "
        "sommet, et ont évoqué la coopération économique, énergétique et régionale."
    )
    report = import_file(name="fr.txt", data=text.encode("latin-1"))
    assert report.status == "created", report.error
    assert report.source.title == "Réunion des ministres à Almaty"
    assert "étrangères" in report.source.body


@pytest.mark.django_db
def test_turkish_in_a_legacy_encoding_is_read_correctly():
    text = (
        "Türkmenistan Devlet Başkanı zirveye katıldı\n\n"
        "Başkan Kurbankulu Berdimuhammedov, Orta Asya ülkeleri ile Çin arasındaki işbirliğinin "
        "güçlendirilmesi gerektiğini söyledi ve ticaretin artacağını belirtti."
    )
    report = import_file(name="tr.txt", data=text.encode("cp1254"))
    assert report.status == "created", report.error
    assert report.source.title == "Türkmenistan Devlet Başkanı zirveye katıldı"


@pytest.mark.django_db
def test_html_gives_text_title_url_date_and_outlet():
    html = """<!doctype html><html lang="en"><head><title>Wang Yi visits Astana | Steppe</title>
    <link rel="canonical" href="https://steppe.example/news/wang-yi-astana">
    <meta property="og:site_name" content="Daily Steppe">
    <meta property="og:title" content="Wang Yi visits Astana">
    <meta property="article:published_time" content="2024-05-20T10:00:00+05:00">
    <script>var tracker = 1;</script></head><body><nav><a href="/">Home</a></nav>
    <article><h1>Wang Yi visits Astana</h1>
    <p>The Chinese foreign minister Wang Yi arrived in Astana on an official visit and held
    talks with Murat Nurtleu, the deputy prime minister and foreign minister.</p>
    <p>The ministers signed a protocol creating two new subcommittees, on agriculture and on
    innovation, within the cooperation committee of the two governments.</p></article>
    <footer>Share on Facebook · Comments (0)</footer><script>track();</script></body></html>"""
    report = import_file(name="page.html", data=html.encode())
    assert report.status == "created", report.error
    source = report.source
    assert source.title == "Wang Yi visits Astana"
    assert source.url == "https://steppe.example/news/wang-yi-astana"
    assert source.published_on.isoformat() == "2024-05-20"
    assert source.outlet.name == "Daily Steppe"
    assert "tracker" not in source.body and "Comments" not in source.body
    assert source.body.startswith("The Chinese foreign minister")


@pytest.mark.django_db
def test_one_broken_file_does_not_stop_the_others(tmp_path, capsys):
    stories = [
        "Summit preparations were discussed by the deputy ministers in a closed session lasting "
        "most of the day, with customs and veterinary rules at the top of the agenda.",
        "A new freight rail route opened between the two border towns, cutting the journey for "
        "container trains by almost two days according to the railway operator.",
        "Students from five countries will receive university scholarships under a programme "
        "announced on Friday by the education ministry, officials said at a briefing.",
    ]
    for i, story in enumerate(stories):
        (tmp_path / f"good{i}.txt").write_text(f"Story number {i} headline\n\n{story}")
    (tmp_path / "broken.txt").write_bytes(b"")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "import_sources", str(tmp_path), str(tmp_path / "notes.pdf"), "--format", "json"
        )
    assert exit_info.value.code == 1
    reports = json.loads(capsys.readouterr().out)
    statuses = {Path(r["file"]).name: r["status"] for r in reports}
    assert statuses == {
        "broken.txt": "failed",
        "good0.txt": "created",
        "good1.txt": "created",
        "good2.txt": "created",
        "notes.pdf": "failed",
    }
    errors = {Path(r["file"]).name: r["error"] for r in reports if r["error"]}
    assert errors["notes.pdf"] == "Only .txt and .html files can be imported."
    assert Source.objects.count() == 3


@pytest.mark.django_db
def test_text_summary_and_exit_status(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("A fine headline for this\n\n" + FILLER)
    call_command("import_sources", str(tmp_path))
    out = capsys.readouterr().out
    assert "Imported 1 file(s): 1 created, 0 duplicate, 0 unchanged, 0 failed." in out


@pytest.mark.django_db
def test_editor_imports_several_files_in_the_admin(client, contributor):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from cmsproject.ops.worker import run_due_tasks

    client.force_login(contributor)
    changelist = client.get(reverse("admin:sources_source_changelist"))
    assert b"Import articles" in changelist.content
    files = [
        SimpleUploadedFile("one.txt", article("The first headline of the day", FILLER)),
        SimpleUploadedFile("empty.txt", b""),
    ]
    response = client.post(reverse("admin:sources_source_import"), {"files": files})
    assert response.status_code == 302  # to the import's page: the work is done by a worker
    assert not Source.objects.exists()
    run_due_tasks()
    page = client.get(response["Location"]).content.decode()
    assert "1 created, 0 duplicate, 0 unchanged, 1 failed" in page
    assert "The file is empty." in page
    source = Source.objects.get()
    assert source.status == "draft"
    assert source.created_by == contributor
    assert source.history.first().history_user == contributor


@pytest.mark.django_db
def test_import_page_needs_permission_to_add_sources(client):
    from django.urls import reverse

    from tests.factories import UserFactory

    client.force_login(UserFactory(username="visitor"))
    assert client.get(reverse("admin:sources_source_import")).status_code == 403
