"""Wagtail's ``update_index``, with a progress bar per model: records done, of how many, how fast."""

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from wagtail.search.management.commands.update_index import Command as UpdateIndexCommand


class Command(UpdateIndexCommand):
    total: int | None = None

    def queryset_chunks(self, qs, *args, **kwargs):
        self.total = qs.count()
        yield from super().queryset_chunks(qs, *args, **kwargs)

    def print_iter_progress(self, iterable):
        if self.verbosity < 1:
            yield from iterable
            return
        columns = (BarColumn(), MofNCompleteColumn(), TextColumn("·"), TimeRemainingColumn())
        with Progress(*columns, console=Console(file=self.stdout, width=100), transient=False) as progress:
            task = progress.add_task("", total=None)
            for chunk in iterable:
                progress.update(task, total=self.total)
                yield chunk
                progress.advance(task, len(chunk))
            progress.update(task, total=self.total or 0, completed=self.total or 0)
