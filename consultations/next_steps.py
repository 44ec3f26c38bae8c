"""What the thanks page offers a patient whose request was stored, from apps above this one
(booking: "Choose a time for your free consultation"). A step is a function(request,
reference) giving {"url": ..., "text": ...} (and optionally "note", and "chat": the offer as a
line of a chat message, with %(url)s) or None; apps add theirs from AppConfig.ready()."""

steps = []


def add_next_step(step):
    steps.append(step)


def for_reference(request, reference):
    return [offer for offer in (step(request, reference) for step in steps) if offer]
