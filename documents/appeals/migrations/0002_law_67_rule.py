"""The terms of the Law of the Kyrgyz Republic No. 67 of 4 May 2007 on the procedure for
considering appeals of citizens: registration within 1 working day, an answer within 14. A later
change of the terms is one more row with its own date (docs/appeals.md)."""

import datetime

from django.db import migrations


def add_rule(apps, schema_editor):
    apps.get_model("appeals", "DeadlineRule").objects.get_or_create(
        effective_from=datetime.date(2007, 5, 4),
        defaults={
            "registration_days": 1,
            "answer_days": 14,
            "basis_ky": "Кыргыз Республикасынын 2007-жылдын 4-майындагы № 67 Мыйзамы",
            "basis_ru": "Закон Кыргызской Республики от 4 мая 2007 года № 67",
        },
    )


def remove_rule(apps, schema_editor):
    apps.get_model("appeals", "DeadlineRule").objects.filter(effective_from=datetime.date(2007, 5, 4)).delete()


class Migration(migrations.Migration):
    dependencies = [("appeals", "0001_initial")]

    operations = [migrations.RunPython(add_rule, remove_rule)]
