"""Publishes a sample article and two sample prices in a bench script's throwaway database, so
that the article pages, the article list and the cost page's prices are measured like every other
page (bench/lighthouse.sh). Sample words for measuring only: the clinic writes its own.

    DATABASE_URL=sqlite:////tmp/bench/db.sqlite3 .venv/bin/python bench/sample_content.py
"""

import os
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")

import django

django.setup()

from content.models import Article, Price  # noqa: E402

ARTICLE_SLUG = "preparing-for-your-first-session"
ARTICLE = {
    "title_en": "Preparing for your first session",
    "title_ar": "الاستعداد لجلستك الأولى",
    "summary_en": "What to do in the week before exosome therapy, and on the day itself.",
    "summary_ar": "ما تفعله في الأسبوع الذي يسبق العلاج بالإكسوسومات، وفي يوم العلاج نفسه.",
    "body_en": "<h2>The week before</h2><p>Avoid blood thinners such as aspirin unless your "
    "doctor says otherwise.</p><h3>On the day</h3><p>Wash your hair and come without hair "
    "products.</p><ul><li>Eat a light meal.</li><li>Drink water.</li></ul>",
    "body_ar": "<h2>الأسبوع السابق</h2><p>تجنّب مميّعات الدم مثل الأسبرين ما لم يطلب طبيبك غير "
    "ذلك.</p><h3>في يوم العلاج</h3><p>اغسل شعرك وتعال دون منتجات للشعر.</p><ul><li>تناول وجبة "
    "خفيفة.</li><li>اشرب الماء.</li></ul>",
    "author_en": "Sara Ahmed",
    "author_ar": "سارة أحمد",
    "reviewer_en": "Dr. Omar Haddad",
    "reviewer_ar": "د. عمر حداد",
    "credentials_en": "Consultant dermatologist",
    "credentials_ar": "استشاري الأمراض الجلدية",
    "published_on": date(2026, 12, 1),
    "last_reviewed_on": date(2026, 12, 3),
    "pages": ["exosome-therapy", "procedure"],
}
PRICES = [
    ("Consultation", "الاستشارة", 300, None),
    ("Exosome session", "جلسة الإكسوسومات", 1500, 2500),
]


def published(model, **words):
    """Saved as a draft, then published by the model's own step."""
    item = model(**{f"draft_{name}": value for name, value in words.items()})
    item.publish(user=None)
    item.save()
    return item


def main():
    published(Article, **ARTICLE)
    for position, (name_en, name_ar, amount_from, amount_to) in enumerate(PRICES):
        published(
            Price,
            position=position,
            name_en=name_en,
            name_ar=name_ar,
            includes_en="<p>One session and a follow-up call.</p>",
            includes_ar="<p>جلسة واحدة ومكالمة متابعة.</p>",
            amount_from=amount_from,
            amount_to=amount_to,
        )
    assert Article.objects.live().get().slug == ARTICLE_SLUG


if __name__ == "__main__":
    main()
