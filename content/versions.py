"""What changed between two versions of an item, word by word: the History page's changes (two
historical records, compared with django-simple-history's `diff_against`) and the approver's
view of a draft against the live words."""

from difflib import SequenceMatcher

from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst

from content import rich_text

# What a version's changes show: the words, the order, the schedule and the step, not the
# bookkeeping of who submitted or ticked (the History page's other columns say who and when).
SHOWN = {"status", "name"}


def word_diff(old, new):
    """`new` with the words taken out of `old` struck through and the words put in marked."""
    before, after = str(old).split(), str(new).split()
    parts = []
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, first, last, new_first, new_last in matcher.get_opcodes():
        if operation == "equal":
            parts.append(format_html("{}", " ".join(before[first:last])))
            continue
        if last > first:
            parts.append(format_html("<del>{}</del>", " ".join(before[first:last])))
        if new_last > new_first:
            parts.append(format_html("<ins>{}</ins>", " ".join(after[new_first:new_last])))
    return format_html_join(" ", "{}", ((part,) for part in parts))


def shown(value, field):
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, list):  # an article's pages, by their labels
        labels = dict(
            getattr(field.model, "list_labels", {}).get(field.name.removeprefix("draft_"), ())
        )
        return ", ".join(str(labels.get(item, item)) for item in value)
    if hasattr(value, "tzinfo"):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    return str(value)


def change(model, name, old, new):
    field = model._meta.get_field(name)
    old, new = shown(old, field), shown(new, field)
    if name.removeprefix("draft_") in model.rich_fields:
        # The words a reader reads; the markup only when the words are the same (a link's
        # address, emphasis).
        words = rich_text.text_of(old), rich_text.text_of(new)
        old, new = (old, new) if words[0] == words[1] else words
    return {
        "label": capfirst(field.verbose_name),
        "diff": word_diff(old, new),
        "language": name[-2:] if name.endswith(("_en", "_ar")) else "",
        "direction": direction(model, name),
    }


def direction(model, name):
    if name.endswith("_ar"):
        return "rtl"
    if name.endswith("_en") or name.removeprefix("draft_") in model.left_to_right:
        return "ltr"
    return ""


def shown_fields(model):
    names = {*model.reviewed_fields, *(f"draft_{name}" for name in model.reviewed_fields)}
    return [field.name for field in model._meta.fields if field.name in names | SHOWN]


def between_versions(older, newer):
    """The changes from one historical record to the next (from nothing, for the first)."""
    model = newer.instance_type
    if older is None:  # the first version: its words (a draft the same as the live words once)
        return [
            change(model, name, "", getattr(newer, name))
            for name in shown_fields(model)
            if getattr(newer, name) not in (None, "")
            and not (
                name.startswith("draft_")
                and getattr(newer, name) == getattr(newer, name.removeprefix("draft_"))
            )
        ]
    delta = newer.diff_against(older, included_fields=shown_fields(model))
    order = {name: index for index, name in enumerate(shown_fields(model))}
    return [
        change(model, item.field, item.old, item.new)
        for item in sorted(delta.changes, key=lambda item: order[item.field])
    ]


def waiting(item):
    """The draft against the live words: what approving it would change on the site."""
    live = item.values(draft=False) if item.is_live else {}
    return [
        change(type(item), f"draft_{name}", live.get(name, ""), value)
        for name, value in item.values(draft=True).items()
        if live.get(name, "") != value
    ]
