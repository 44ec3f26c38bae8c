"""The FAQ as the site showed it before it became content: the English from pages/faq.py, the
Arabic from locale/ar/LC_MESSAGES/django.po, written out here as they were. Published as they
stand (the pages read the same words as before), with a first version in each entry's history
to revert to. The claims in them are the clinic's to decide (docs/clinic-copy.md): the copy rules
flag them on the entry until the clinic rewrites them or stands by them."""

from django.db import migrations
from django.utils import timezone

FAQ = [
    (
        "How many sessions are needed?",
        "كم عدد الجلسات المطلوبة؟",
        "<p>Typically, 1–2 sessions are recommended, with follow-ups based on individual "
        "response.</p>",
        "<p>يُوصى عادةً بجلسة أو جلستين، مع جلسات متابعة بحسب استجابة كل شخص.</p>",
    ),
    (
        "Are there any side effects?",
        "هل توجد آثار جانبية؟",
        "<p>Side effects are rare but may include mild redness or tenderness at the injection "
        "sites.</p>",
        "<p>الآثار الجانبية نادرة، لكنها قد تشمل احمرارًا خفيفًا أو ألمًا عند اللمس في مواضع "
        "الحقن.</p>",
    ),
    (
        "When will I see results?",
        "متى سأرى النتائج؟",
        "<p>Results usually begin to appear within 3–6 months after the procedure.</p>",
        "<p>تبدأ النتائج عادةً بالظهور خلال 3 إلى 6 أشهر بعد الإجراء.</p>",
    ),
    (
        "Can exosome therapy treat complete baldness?",
        "هل يمكن للعلاج بالإكسوسومات أن يعالج الصلع الكامل؟",
        "<p>The treatment is most effective for individuals with active hair follicles and less "
        "beneficial for complete baldness.</p>",
        "<p>يكون العلاج أكثر فعالية لدى الأشخاص الذين لديهم بصيلات شعر نشطة، وأقل فائدة في "
        "حالات الصلع الكامل.</p>",
    ),
]


def faq_from_the_code(apps, schema_editor):
    FaqEntry = apps.get_model("content", "FaqEntry")
    HistoricalFaqEntry = apps.get_model("content", "HistoricalFaqEntry")
    moment = timezone.now()
    for position, (question_en, question_ar, answer_en, answer_ar) in enumerate(FAQ, start=1):
        words = {
            "position": position,
            "question_en": question_en,
            "question_ar": question_ar,
            "answer_en": answer_en,
            "answer_ar": answer_ar,
        }
        entry = FaqEntry.objects.create(
            status="published",
            published_at=moment,
            **words,
            **{f"draft_{name}": value for name, value in words.items()},
        )
        fields = {
            field.attname: getattr(entry, field.attname) for field in FaqEntry._meta.concrete_fields
        }
        HistoricalFaqEntry.objects.create(
            **fields,
            history_date=moment,
            history_type="+",
            history_change_reason="imported",
        )


def remove_faq(apps, schema_editor):
    apps.get_model("content", "HistoricalFaqEntry").objects.all().delete()
    apps.get_model("content", "FaqEntry").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]

    operations = [migrations.RunPython(faq_from_the_code, remove_faq)]
