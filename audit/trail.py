"""Writing to the access trail: who did or saw what, and forgetting values when data must go.

Generic: callers pass their own models and field names; nothing here knows what a row is.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model

from audit.models import AccessEvent

Action = AccessEvent.Action
BATCH_SIZE = 1000
FORGOTTEN = "[erased]"


def plain(value):
    """A value JSON keeps as it is; a date or time in ISO 8601; anything else (a phone number,
    a choice) as its text."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)  # also turns a choices enum member into its plain value


def model_changes(old, new, fields):
    """{field: {"old": ..., "new": ...}} for each of `fields` whose value differs."""
    changes = {}
    for name in fields:
        attname = old._meta.get_field(name).attname
        before, after = plain(getattr(old, attname)), plain(getattr(new, attname))
        if before != after:
            changes[name] = {"old": before, "new": after}
    return changes


def _event(request, action, target=None, *, user=None, username=None, **detail):
    user = user or getattr(request, "user", None)
    if user is not None and not user.is_authenticated:
        user = None
    event = AccessEvent(
        action=action,
        user=user,
        username=(username or (user.get_username() if user else ""))[:150],
        detail=detail,
    )
    if target is not None:
        model = target if isinstance(target, type) else type(target)
        event.content_type = ContentType.objects.get_for_model(model)
        if isinstance(target, Model):
            event.object_id = str(target.pk)
    return event


def record(request, action, target=None, *, user=None, username=None, **detail):
    """Append one event. `target` is a model instance, or a model class for many of its rows.

    The staff member is `user`, else the request's signed-in user. `request` may be None (a
    management command); then pass `username`, e.g. who ran it.
    """
    event = _event(request, action, target, user=user, username=username, **detail)
    event.save()
    return event


def _batches(queryset, fields):
    """Rows (pk, *fields) in pk order, a batch at a time, without a cursor left open."""
    last = None
    while True:
        page = queryset.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        rows = list(page.values_list("pk", *fields)[:BATCH_SIZE])
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def update_with_trail(request, queryset, name, values, also=None):
    """queryset.update(**values, **also), recording each row's old and new `values`.

    One event per row (so the trail of one row is found by its id), written in the same
    transaction as the update, a batch at a time. Returns how many rows were updated.
    """
    fields = list(values)
    updated = 0
    for rows in _batches(queryset, fields):
        with transaction.atomic():
            pks = [row[0] for row in rows]
            updated += queryset.model._default_manager.filter(pk__in=pks).update(
                **values, **(also or {})
            )
            events = []
            for pk, *before in rows:
                target = queryset.model(pk=pk)
                changes = {
                    field: {"old": plain(old), "new": plain(values[field])}
                    for field, old in zip(fields, before, strict=True)
                }
                events.append(
                    _event(request, Action.BULK_ACTION, target, admin_action=name, changes=changes)
                )
            AccessEvent.objects.bulk_create(events)
    return updated


def recorded_stream(request, lines, model, *, header_lines=0, **detail):
    """Pass a streamed export through, then record how many rows actually went out.

    Recorded when the stream ends, also when the download is cut short ("complete": false).
    """
    sent = 0
    complete = False
    try:
        for line in lines:
            sent += 1  # handed to the server; a client that has gone stops the next one
            yield line
        complete = True
    finally:
        rows = max(sent - header_lines, 0)
        record(request, Action.EXPORTED, model, rows=rows, complete=complete, **detail)


def forget_values(model, ids):
    """Blank the old and new values in the trail's events about these rows of `model`.

    Who, when, what action and which fields stay: the trail still says that something was
    changed, no longer what it said. Returns how many events were scrubbed.
    """
    events = []
    for event in AccessEvent.objects.about(model, ids).filter(detail__has_key="changes"):
        event.detail["changes"] = {
            field: {"old": FORGOTTEN, "new": FORGOTTEN} for field in event.detail["changes"]
        }
        event.detail["values_erased"] = True
        events.append(event)
    AccessEvent.objects.bulk_update(events, ["detail"], batch_size=BATCH_SIZE)
    return len(events)
