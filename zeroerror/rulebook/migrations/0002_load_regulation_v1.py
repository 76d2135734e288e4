from django.db import migrations


def load_v1(apps, schema_editor):
    from zeroerror.rulebook.catalogue import load_regulation

    RegulationVersion = apps.get_model("rulebook", "RegulationVersion")
    Clause = apps.get_model("rulebook", "Clause")
    regulation = load_regulation("v1")
    row, _ = RegulationVersion.objects.get_or_create(
        version=regulation.version, defaults={"title": regulation.title, "effective_date": regulation.effective_date}
    )
    existing = set(Clause.objects.filter(version=row).values_list("code", flat=True))
    Clause.objects.bulk_create([
        Clause(version=row, code=c.id, area=c.area, number=c.number, title=c.title, text=c.text)
        for c in regulation.clauses if c.id not in existing
    ])


class Migration(migrations.Migration):
    dependencies = [("rulebook", "0001_initial")]
    operations = [migrations.RunPython(load_v1, migrations.RunPython.noop)]
