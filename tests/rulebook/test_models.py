"""The versioned clause catalogue in the database."""

import pytest
from django.core.management import call_command

from zeroerror.rulebook.catalogue import load_regulation
from zeroerror.rulebook.models import Clause, RegulationVersion, load_catalogue

pytestmark = pytest.mark.django_db


def test_it_has_every_clause_of_v1_after_migrating():
    version = RegulationVersion.objects.get(version="v1")
    assert version.clauses.count() == len(load_regulation("v1").clauses)
    assert Clause.objects.current().get(code="一(一)4").title == load_regulation("v1").clause("一(一)4").title


def test_it_loads_idempotently_from_the_command(capsys):
    call_command("load_regulation", "v1")
    assert "新增条款 0 条" in capsys.readouterr().out
    row, created = load_catalogue("v1")
    assert created == 0 and RegulationVersion.objects.count() == 1


def test_it_keeps_old_clause_text_when_a_new_version_is_added():
    old = Clause.objects.get(version__version="v1", code="一(一)4")
    v2 = RegulationVersion.objects.create(version="v2", title="修订版")
    Clause.objects.create(version=v2, code="一(一)4", area="documents", number=4, title="新标题", text="修订后的文字")
    assert Clause.objects.current().get(code="一(一)4").text == "修订后的文字"
    old.refresh_from_db()
    assert old.text == load_regulation("v1").clause("一(一)4").text
