"""Realistic consultation requests and their contact histories, as bench/scale_data.py writes them.

Names and numbers in the UAE's mix (one request in ten from a number that asked before), a third
from a campaign, the status shares a front desk sees, and each request's history as the front
desk logs it (consultations/lifecycle.py). Deterministic: the same seed gives the same rows.
"""

import hashlib
import random
from array import array
from datetime import timedelta

FIRST_NAMES = [
    "Ahmed", "Mohammed", "Omar", "Khalid", "Saeed", "Rashid", "Hamdan", "Yousef", "Ali",
    "Hassan", "Faisal", "Tariq", "Rahul", "Arjun", "Vikram", "Imran", "Bilal", "Daniel",
    "James", "Oliver", "Luca", "Ivan", "Sergey", "Wei", "Fatima", "Mariam", "Aisha", "Noura",
    "Layla", "Hessa", "Priya", "Ananya", "Sara", "Emma", "Sophie", "Olga", "Mei", "Zainab",
    "Hind", "Reem", "محمد", "أحمد", "فاطمة", "مريم",
]  # fmt: skip
LAST_NAMES = [
    "Al Mansoori", "Al Nuaimi", "Al Falasi", "Al Mazrouei", "Al Ketbi", "Al Shamsi",
    "Al Hashimi", "Al Suwaidi", "Al Marri", "Al Zaabi", "Haddad", "Khoury", "Nasser", "Saleh",
    "Khan", "Sheikh", "Qureshi", "Sharma", "Patel", "Nair", "Menon", "Iyer", "Smith", "Jones",
    "Taylor", "Brown", "Wilson", "Rossi", "Müller", "Ivanova", "Petrov", "Chen", "Wang",
    "Fernandes", "D'Souza", "Santos", "Reyes", "العلي", "الحمادي", "الكعبي",
]  # fmt: skip
PAGES = [
    "/", "/hair-loss/", "/exosome-therapy/", "/treatments-compared/", "/procedure/",
    "/cost-and-safety/", "/faq/", "/contact/", "/privacy/", "/consultation/",
]  # fmt: skip
PAGE_WEIGHTS = [30, 12, 20, 8, 6, 8, 6, 4, 1, 5]
CAMPAIGNS = [
    ("google", "cpc", "exosome-dubai"),
    ("google", "cpc", "hair-loss-treatment"),
    ("instagram", "social", "before-after"),
    ("facebook", "social", "free-consultation"),
    ("tiktok", "social", "hair-tips"),
    ("newsletter", "email", "monthly"),
    ("snapchat", "social", "ramadan"),
]
MESSAGES = [
    "Is exosome therapy painful?",
    "How many sessions would I need?",
    "My hair is thinning at the crown, what do you suggest?",
    "Can I come on a Saturday evening?",
    "What does a session cost?",
    "I had a transplant 3 years ago. Can I still do this?",
    "Please call me after 6pm.",
    "هل العلاج مناسب للنساء؟",
    "Do you treat alopecia areata?",
]
STAFF_NOTES = [
    "Called, no answer. Try again tomorrow.",
    "Booked for Tuesday 6pm with Dr. Rana.",
    "Sent the price list on WhatsApp.",
    "Lives in Abu Dhabi, will come on a weekend.",
    "Not interested: chose a transplant abroad.",
]
# Share of requests per status; the rest are "not interested".
STATUS_SHARES = [
    ("new", 0.01), ("spam", 0.03), ("contacted", 0.43), ("booked", 0.12), ("attended", 0.06),
    ("no_show", 0.02), ("unreachable", 0.02),
]  # fmt: skip
BOOKED = {"booked", "attended", "no_show"}
BEST_TIMES = ("", "morning", "afternoon", "evening")
PREFERS = ("", "call", "whatsapp")


def mobile_number(key, prefixes=("50", "55")):
    """A distinct, valid UAE mobile number (E.164) for each key below 20 million."""
    prefix = prefixes[key % 2]
    subscriber = (key // 2 * 7_654_321 + 1_234_567) % 10_000_000
    return f"+971{prefix}{subscriber:07d}"


def whatsapp_number(origin):
    if origin * 2_654_435_761 % 100 < 15:  # 15% give another number for WhatsApp
        return mobile_number(origin, prefixes=("56", "52"))
    return mobile_number(origin)


def patient_name(origin):
    first = FIRST_NAMES[origin * 31 % len(FIRST_NAMES)]
    last = LAST_NAMES[origin * 17 // 7 % len(LAST_NAMES)]
    return f"{first} {last}"


def pick_status(rng):
    draw = rng.random()
    for status, share in STATUS_SHARES:
        if draw < share:
            return status
        draw -= share
    return "not_interested"


def history(pk, received, status, desk):
    """What the front desk logged for one request, oldest first: (entries, first attempt and
    first reach in minutes, owner id). One member of the desk works each request."""
    user_id, username = desk

    def entry(minutes, channel, outcome, before, after, note=""):
        when = received + timedelta(minutes=minutes)
        return (pk, when, user_id, username, channel, outcome, before, after, note)

    if status == "new":
        return [], None, None, None
    if status == "spam":
        return [entry(30, "admin", "status_changed", "new", "spam")], None, None, None
    attempt = pk * 7 % 600
    entries = [entry(attempt, "phone", "no_answer", "new", "contacted")]
    if status == "unreachable":
        entries += [
            entry(attempt + 24 * 60, "phone", "no_answer", "contacted", "contacted"),
            entry(attempt + 49 * 60, "phone", "voicemail", "contacted", "contacted"),
            entry(attempt + 50 * 60, "admin", "status_changed", "contacted", "unreachable"),
        ]
        return entries, attempt, None, None
    if status == "contacted":
        return entries, attempt, None, None
    reach = attempt + 60 + pk * 13 % 1500
    outcome = "booked" if status in BOOKED else "not_interested"
    entries.append(entry(reach, "phone", outcome, "contacted", outcome, "Spoke to the patient."))
    if status in ("attended", "no_show"):
        entries.append(entry(reach + 7 * 24 * 60, "clinic", status, "booked", status))
    return entries, attempt, reach, user_id


def generate(count, now, today, staff, seed=20261123):
    """(request row, its history entries) for each request, oldest first, over two years."""
    rng = random.Random(seed)
    span = timedelta(days=730).total_seconds()
    start = now - timedelta(days=730)
    origins = array("l", bytes(8 * (count + 1)))  # 0: a first request from this number
    offsets = array("d", bytes(8 * (count + 1)))  # seconds after start
    for pk in range(1, count + 1):
        duplicate_of = None
        origin = pk
        if pk > 100 and rng.random() < 0.10:
            earlier = pk - rng.randint(1, min(pk - 1, 50_000))
            origin = origins[earlier] or earlier
            origins[pk] = duplicate_of = origin
        offsets[pk] = (pk - 1 + rng.random()) / count * span
        received = start + timedelta(seconds=offsets[pk])
        campaign = rng.choice(CAMPAIGNS) if rng.random() < 0.35 else ("", "", "")
        status = pick_status(rng)
        entries, attempt, reach, owner = history(pk, received, status, staff[pk % len(staff)])
        call_back_on = None
        if status == "contacted" and pk % 500 == 0:
            call_back_on = today + timedelta(days=pk // 500 % 5 - 2)
        row = (
            pk,
            patient_name(origin),
            mobile_number(origin),
            whatsapp_number(origin),
            rng.choice(MESSAGES) if rng.random() < 0.4 else "",
            received - timedelta(seconds=rng.randint(20, 600)),
            status,
            rng.choice(STAFF_NOTES) if status not in {"new", "spam"} else "",
            duplicate_of,
            rng.choices(PAGES, PAGE_WEIGHTS)[0],
            *campaign,
            hashlib.sha256(b"%d" % pk).hexdigest(),
            received,
            received + timedelta(hours=rng.randint(0, 72)),
            "ar" if origin % 4 == 0 else "en",
            BEST_TIMES[pk % 4] if status != "spam" else "",
            PREFERS[pk % 3] if status != "spam" else "",
            call_back_on,
            owner,
            attempt,
            reach,
            duplicate_of is not None and offsets[pk] - offsets[origin] < 3600,
        )
        yield row, entries
