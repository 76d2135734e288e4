import django.db.models.deletion
from django.db import migrations, models


def give_months_a_unit(apps, schema_editor):
    """Before this migration a closed month was closed for every unit of the installation: keep that state, one
    row per unit."""
    LedgerMonth = apps.get_model("errors", "LedgerMonth")
    Unit = apps.get_model("org", "Unit")
    units = list(Unit.objects.order_by("pk"))
    for row in LedgerMonth.objects.filter(unit__isnull=True):
        if not units:
            row.delete()  # no unit: nothing was ever posted
            continue
        for unit in units[1:]:
            LedgerMonth.objects.create(unit=unit, month=row.month, closed_at=row.closed_at, closed_by_id=row.closed_by_id)
        row.unit = units[0]
        row.save(update_fields=["unit"])


class Migration(migrations.Migration):

    dependencies = [
        ('errors', '0002_inspections'),
        ('org', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='ledgermonth',
            name='month',
            field=models.CharField(max_length=7, verbose_name='月份'),
        ),
        migrations.AddField(
            model_name='ledgermonth',
            name='unit',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='org.unit', verbose_name='单位'),
        ),
        migrations.RunPython(give_months_a_unit, migrations.RunPython.noop),
    ]
