"""Builders for the clinic's content (content/) and the staff who edit it: sensible defaults,
override what the test is about; and the admin's form of an item, as an editor sends it."""

from datetime import date

from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from content.models import Article, ContactDetails, FaqEntry, Notice, Price
from tests.factories import login_staff


def make_staff_in(group, username, password="content-pass-123456"):
    """A staff account in one of the groups the data migrations made."""
    user = User.objects.create_user(username=username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def make_editor(username="editor"):
    return make_staff_in("Editor", username)


def make_clinic_manager(username="manager"):
    return make_staff_in("Clinic manager", username)


def signed_in(user):
    """A browser of the admin's, signed in as this staff user with their second factor."""
    return login_staff(Client(), user)


def change_url(item):
    return reverse(f"admin:content_{item._meta.model_name}_change", args=[item.pk])


def draft_form(item, button=None, **changes):
    """An item's change form as the admin shows it (its draft), with these changes and this
    button ("_submit", "_approve"; none: save the draft)."""
    data = {f"draft_{name}": value for name, value in item.values(draft=True).items()}
    data.update(changes)
    if button:
        data[button] = "1"
    return data


def make_published(model, words, **kwargs):
    """A published item, its draft the same as its live words. `words` are the defaults of its
    reviewed fields and a keyword overrides one; a `draft_<name>` keyword sets the draft alone,
    any other keyword another field of the item."""
    words = {**words, **{key: kwargs.pop(key) for key in list(kwargs) if key in words}}
    kwargs.setdefault("status", "published")
    kwargs.setdefault("published_at", timezone.now())
    drafts = {f"draft_{name}": value for name, value in words.items()}
    drafts.update({key: kwargs.pop(key) for key in list(kwargs) if key.startswith("draft_")})
    return model.objects.create(**words, **drafts, **kwargs)


FAQ_WORDS = {
    "position": 10,
    "question_en": "Is the consultation free?",
    "question_ar": "هل الاستشارة مجانية؟",
    "answer_en": "<p>Yes, the first consultation is free.</p>",
    "answer_ar": "<p>نعم، الاستشارة الأولى مجانية.</p>",
}
NOTICE_WORDS = {
    "text_en": "<p>Closed for Eid al-Adha on Tuesday.</p>",
    "text_ar": "<p>العيادة مغلقة يوم الثلاثاء بمناسبة عيد الأضحى.</p>",
}
ARTICLE_WORDS = {
    "title_en": "Preparing for your first session",
    "title_ar": "الاستعداد لجلستك الأولى",
    "summary_en": "What to do in the week before exosome therapy.",
    "summary_ar": "ما تفعله في الأسبوع الذي يسبق العلاج بالإكسوسومات.",
    "body_en": "<h2>The week before</h2><p>Avoid blood thinners.</p>",
    "body_ar": "<h2>الأسبوع السابق</h2><p>تجنّب مميّعات الدم.</p>",
    "author_en": "Sara Ahmed",
    "author_ar": "سارة أحمد",
    "reviewer_en": "Dr. Omar Haddad",
    "reviewer_ar": "د. عمر حداد",
    "credentials_en": "Consultant dermatologist",
    "credentials_ar": "استشاري الأمراض الجلدية",
    "published_on": date(2026, 12, 1),
    "last_reviewed_on": date(2026, 12, 3),
    "publish_at": None,
    "pages": ["exosome-therapy", "procedure"],
}
PRICE_WORDS = {
    "position": 1,
    "name_en": "Exosome session",
    "name_ar": "جلسة الإكسوسومات",
    "includes_en": "<p>One session and a follow-up call.</p>",
    "includes_ar": "<p>جلسة واحدة ومكالمة متابعة.</p>",
    "amount_from": 1500,
    "amount_to": 2500,
}
CONTACT_WORDS = {
    "phone": "+971 4 555 0101",
    "whatsapp": "+971 50 555 0102",
    "email": "care@ecla.example",
    "address_en": "Villa 7, Al Safa Street, Al Safa 1",
    "address_ar": "فيلا 7، شارع الصفا، الصفا 1",
    "map_url": "https://maps.example/ecla",
}


def make_faq_entry(**kwargs):
    """A published FAQ entry, its draft the same as its live words."""
    return make_published(FaqEntry, FAQ_WORDS, **kwargs)


def make_notice(publish_at=None, expire_at=None, **kwargs):
    """A published notice (Eid), shown between the two moments (None: open-ended)."""
    kwargs.setdefault("name", "Eid al-Adha")
    words = {**NOTICE_WORDS, "publish_at": publish_at, "expire_at": expire_at}
    return make_published(Notice, words, **kwargs)


def make_article(**kwargs):
    """A published article, its draft the same as its live words."""
    return make_published(Article, ARTICLE_WORDS, **kwargs)


def make_price(**kwargs):
    """A published price, its draft the same as its live words."""
    return make_published(Price, PRICE_WORDS, **kwargs)


def make_contact_details(**kwargs):
    """The clinic's contact details, published, their draft the same as their live words."""
    return make_published(ContactDetails, CONTACT_WORDS, **kwargs)
