import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Separate from 0003 so that PostgreSQL alters the table after the data migration's transaction."""

    dependencies = [
        ('errors', '0003_ledger_month_per_unit'),
    ]

    operations = [
        migrations.AlterField(
            model_name='ledgermonth',
            name='unit',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='org.unit', verbose_name='单位'),
        ),
        migrations.AddConstraint(
            model_name='ledgermonth',
            constraint=models.UniqueConstraint(fields=('unit', 'month'), name='ledgermonth_unique_per_unit'),
        ),
    ]
