from zeroerror.reception import panels


def test_it_shows_registered_panels_in_order_and_skips_those_returning_none(monkeypatch):
    monkeypatch.setattr(panels, "_panels", [])

    def late(person):
        return panels.Panel("后", "x.html", order=20)

    def early(person):
        return panels.Panel("前", "y.html", {"n": person}, order=10)

    def hidden(person):
        return None

    for fn in (late, early, hidden, late):
        panels.register_panel(fn)
    shown = panels.panels_for("某人")
    assert [p.title for p in shown] == ["前", "后"]
    assert shown[0].context == {"n": "某人"}
