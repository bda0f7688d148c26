from django.db import migrations, models


def copy_reason(apps, schema_editor):
    # The one reason written so far stands in both languages until someone translates it.
    OrderLink = apps.get_model("orders", "OrderLink")
    for link in OrderLink.objects.all():
        OrderLink.objects.filter(pk=link.pk).update(reason_ky=link.reason, reason_ru=link.reason)


class Migration(migrations.Migration):
    dependencies = [("orders", "0003_return_for_revision_transitions")]

    operations = [
        migrations.AddField(
            model_name="orderlink",
            name="reason_ky",
            field=models.TextField(default="", verbose_name="reason (Kyrgyz)"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="orderlink",
            name="reason_ru",
            field=models.TextField(default="", verbose_name="reason (Russian)"),
            preserve_default=False,
        ),
        migrations.RunPython(copy_reason, migrations.RunPython.noop),
        migrations.RemoveField(model_name="orderlink", name="reason"),
    ]
