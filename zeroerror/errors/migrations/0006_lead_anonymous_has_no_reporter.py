from django.db import migrations, models


class Migration(migrations.Migration):
    """Separate from 0005 so that PostgreSQL alters the table after the data migration's transaction."""

    dependencies = [
        ('errors', '0005_anonymous_reports'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='lead',
            constraint=models.CheckConstraint(condition=models.Q(('anonymous', False), ('reporter__isnull', True), _connector='OR'), name='lead_anonymous_has_no_reporter'),
        ),
    ]
