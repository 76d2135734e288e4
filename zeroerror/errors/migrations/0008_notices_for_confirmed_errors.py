from django.db import migrations


def notice_confirmed_errors(apps, schema_editor):
    """Errors confirmed before notices existed: their person was notified when the error was confirmed."""
    Lead = apps.get_model("errors", "Lead")
    DecisionNotice = apps.get_model("errors", "DecisionNotice")
    for lead in Lead.objects.filter(status__in=["confirmed", "overturned"], verified_at__isnull=False):
        DecisionNotice.objects.get_or_create(lead=lead, person_id=lead.person_id, liability="responsible",
                                             defaults={"notified_at": lead.verified_at})


class Migration(migrations.Migration):

    dependencies = [
        ('errors', '0007_conflicts_and_notices'),
    ]

    operations = [
        migrations.RunPython(notice_confirmed_errors, migrations.RunPython.noop),
    ]
