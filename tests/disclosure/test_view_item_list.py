"""The list of items: a constant number of queries, and the rows on the page."""

from tests.disclosure.conftest import days_ago
from tests.pages import assert_shown, page


def test_the_list_shows_every_item_in_constant_queries(org, login, make_item, published):
    client = login(org.director)
    make_item(title="稿件一")
    few, _ = page(client, "/disclosure/items/")
    titles = [published(title=f"已发布稿件{n}").title for n in range(4)]
    titles += [make_item(title=f"逾期稿件{n}", formed_on=days_ago(60)).title for n in range(4)]
    many, html = page(client, "/disclosure/items/")
    assert many == few
    assert_shown(html, [*titles, "已发布", "应公开未公开"])


def test_filters_and_search_ignore_nonsense(org, login, make_item):
    make_item(title="门诊挂号公告")
    client = login(org.director)
    _, html = page(client, "/disclosure/items/", {"show": "<script>", "q": "挂号" * 200, "page": "x"})
    assert "门诊挂号公告" not in html or "没有符合条件的稿件" not in html
    _, html = page(client, "/disclosure/items/", {"q": "挂号"})
    assert "门诊挂号公告" in html
