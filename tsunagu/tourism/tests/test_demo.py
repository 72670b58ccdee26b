from tsunagu.tourism import demo
from tsunagu.tourism.models import Application, Certificate, Operator


def test_demo_loads_every_state_once(version):
    demo.load()
    demo.load()
    assert Operator.objects.filter(is_demo=True).count() == 4
    assert sorted(Application.objects.values_list("status", flat=True)) == [
        "approved",
        "draft",
        "panel_review",
        "submitted",
    ]
    assert Certificate.objects.count() == 1
    assert all(application.is_demo for application in Application.objects.all())


def test_visitor_page_shows_certified_operator_and_its_tour(client, version):
    demo.load()
    page = client.get("/en/tourism/").content.decode()
    assert "Saigawa Town Walks (demo)" in page
    assert "Morning walk along the Sai River (demo)" in page
    assert "/crafts/experiences/" in page
