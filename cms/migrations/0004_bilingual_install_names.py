"""Wagtail's install creates a workflow, its task, the root collection and the root page with English names, which
the admin shows as they are ("Moderators approval", "Root"). They get names in both languages, as
the groups have ("Кыргызча / Русский"). Only names Wagtail gave are changed."""

from django.db import migrations

NAMES = {
    ("wagtailcore", "Workflow"): ("Moderators approval", "Модераторлордун бекитүүсү / Утверждение модераторами"),
    ("wagtailcore", "Task"): ("Moderators approval", "Модераторлордун бекитүүсү / Утверждение модераторами"),
    ("wagtailcore", "Collection"): ("Root", "Негизги жыйнак / Основная коллекция"),
    ("wagtailcore", "Page"): ("Root", "Бардык сайттар / Все сайты"),
}


def rename(apps, schema_editor, backwards=False):
    for (app, model), (english, bilingual) in NAMES.items():
        old, new = (bilingual, english) if backwards else (english, bilingual)
        if model == "Page":  # the admin shows a page's draft title
            apps.get_model(app, model).objects.filter(depth=1, title=old).update(title=new, draft_title=new)
        else:
            apps.get_model(app, model).objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_public_site"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
