"""Every page reads its words from the passages a data migration made (content/migrations/0005):
a transactional test's flush removes them, and sends post_migrate, on which they are made again
as the migration made them (each passage and its first version)."""

from django.db.models.signals import post_migrate

_rows = []  # [(model, each row's fields)]


def remember():
    """Read them once the test database is set up, before any flush."""
    from content.models import Passage

    for model in (Passage, Passage.history.model):
        _rows.append((model, list(model.objects.order_by("pk").values())))
    post_migrate.connect(back_after_a_flush, dispatch_uid="tests-passages-back")


def back_after_a_flush(sender, using, **kwargs):
    from content import live
    from content.models import Passage

    if sender.name != "content" or Passage.objects.using(using).exists():
        return
    for model, rows in _rows:
        model.objects.using(using).bulk_create(model(**fields) for fields in rows)
    live.forget()
