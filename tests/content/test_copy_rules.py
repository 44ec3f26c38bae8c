"""The copy rules (content/copy_rules.py), pure functions of the text: what a medical-advertising
reviewer flags in either language, the clinic's own listed claims, and the Arabic's house rules."""

import re
from pathlib import Path

import pytest

from content.copy_rules import HOUSE, check

CLINIC_COPY = Path(__file__).resolve().parents[2] / "docs/clinic-copy.md"
# Today's FAQ as the data migration moved it into the content (content/migrations/0002).
TODAYS_FAQ = [
    (
        "How many sessions are needed? Typically, 1–2 sessions are recommended, with follow-ups "
        "based on individual response.",
        "كم عدد الجلسات المطلوبة؟ يُوصى عادةً بجلسة أو جلستين، مع جلسات متابعة بحسب استجابة كل شخص.",
    ),
    (
        "When will I see results? Results usually begin to appear within 3–6 months after the "
        "procedure.",
        "متى سأرى النتائج؟ تبدأ النتائج عادةً بالظهور خلال 3 إلى 6 أشهر بعد الإجراء.",
    ),
    (
        "Can exosome therapy treat complete baldness? The treatment is most effective for "
        "individuals with active hair follicles and less beneficial for complete baldness.",
        "هل يمكن للعلاج بالإكسوسومات أن يعالج الصلع الكامل؟ يكون العلاج أكثر فعالية لدى الأشخاص "
        "الذين لديهم بصيلات شعر نشطة، وأقل فائدة في حالات الصلع الكامل.",
    ),
]


def codes(flags, language=None):
    return {flag.code for flag in flags if language in (None, flag.language)}


def test_the_side_effects_answer_is_flagged_in_both_languages():
    flags = check(
        "Side effects are rare but may include mild redness or tenderness at the injection sites.",
        "الآثار الجانبية نادرة، لكنها قد تشمل احمرارًا خفيفًا أو ألمًا عند اللمس في مواضع الحقن.",
    )

    assert [(flag.language, flag.code) for flag in flags] == [
        ("en", "side-effects-rare"),
        ("ar", "side-effects-rare"),
    ]
    assert "evidence" in str(flags[0].messages[0])


@pytest.mark.parametrize(("english", "arabic"), TODAYS_FAQ)
def test_the_rest_of_todays_faq_is_not_flagged(english, arabic):
    assert check(english, arabic) == []


@pytest.mark.parametrize(
    ("english", "code"),
    [
        ("Results are guaranteed.", "guarantee"),
        ("The regrowth is permanent.", "permanent"),
        ("The best clinic in Dubai.", "superlative"),
        ("100% natural results.", "hundred-percent"),
        ("A risk-free treatment.", "risk-free"),
        ("A miracle for thinning hair.", "miracle"),
        ("It cures baldness.", "cure"),
        ("Exosomes are more potent than PRP.", "superiority"),
        ("Unlike minoxidil, it works from within.", "superiority"),
    ],
)
def test_what_a_reviewer_flags_in_english(english, code):
    assert code in codes(check(english, ""), "en")


@pytest.mark.parametrize(
    ("arabic", "code"),
    [
        ("النتائج مضمونة.", "guarantee"),
        ("نمو دائم للشعر.", "permanent"),
        ("الخيار الأفضل في دبي.", "superlative"),
        ("نتائج طبيعية 100٪.", "hundred-percent"),
        ("علاج بلا مخاطر.", "risk-free"),
        ("علاج سحري للشعر.", "miracle"),
        ("يشفي الصلع.", "cure"),
        ("الإكسوسومات أقوى من البلازما الغنية بالصفائح الدموية.", "superiority"),
    ],
)
def test_what_a_reviewer_flags_in_arabic_vowel_marks_or_not(arabic, code):
    assert code in codes(check("", arabic), "ar")


def test_always_is_not_permanent_and_a_comparison_needs_a_named_treatment():
    flags = check(
        "Patients always ask us. It works more gently on the scalp.",
        "يسألنا المرضى دائمًا عن ذلك.",
    )

    assert flags == []


@pytest.mark.parametrize(
    ("english", "arabic"),
    [
        # The procedure page's own sentences: "ensure" is «يضمن», which guarantees no result.
        ("This ensures a personalized treatment plan.", "وهذا يضمن خطة علاج مخصّصة."),
        ("Applied to ensure your comfort.", "يُوضع لضمان راحتك طوال الإجراء."),
    ],
)
def test_ensuring_a_step_is_not_guaranteeing_a_result(english, arabic):
    assert "guarantee" not in codes(check(english, arabic))


@pytest.mark.parametrize(
    "arabic",
    ["نضمن لك نتائج دائمة.", "العلاج يضمن النتائج.", "يضمن لك نمو الشعر.", "ضمان النتائج."],
)
def test_a_guaranteed_result_is_flagged_in_arabic(arabic):
    assert "guarantee" in codes(check("", arabic), "ar")


def test_a_claim_the_english_does_not_make_is_flagged_in_the_arabic():
    [flag] = check("Results vary from person to person.", "النتائج مضمونة لكل شخص.")

    assert (flag.language, flag.code, flag.arabic_only) == ("ar", "guarantee", True)
    assert len(flag.messages) == 2


def test_the_same_claim_in_both_languages_is_not_called_stronger_in_arabic():
    flags = check("Results are guaranteed.", "النتائج مضمونة.")

    assert [flag.arabic_only for flag in flags] == [False, False]


@pytest.mark.parametrize(
    ("arabic", "code"),
    [
        ("نحرص على الأمان في كل جلسة.", "safety-word"),
        ("تظهر النتائج خلال 3–6 أشهر.", "range-dash"),
        ("راسلنا على WhatsApp.", "whatsapp"),
        ("راسلنا على واتس اب.", "whatsapp"),
        ("الجلسة قصيرة, والتعافي سريع.", "latin-punctuation"),
        ("هل الجلسة مؤلمة?", "latin-punctuation"),
        ("الجلسة قصيرة جداً.", "tanween-alif"),
    ],
)
def test_the_arabic_house_rules_are_checked(arabic, code):
    flags = check("", arabic)

    assert [(flag.code, flag.kind) for flag in flags] == [(code, HOUSE)]


def test_the_arabic_as_the_house_writes_it_passes():
    arabic = "نحرص على السلامة، وتظهر النتائج بعد مدة من 3 إلى 6 أشهر. هل راسلتنا على واتساب؟"

    assert check("", arabic) == []


def test_a_flags_key_names_its_language_rule_and_words():
    [flag] = check("Results are GUARANTEED.", "")

    assert flag.key == "en:guarantee:guaranteed"


def clinic_copy_rows():
    """docs/clinic-copy.md's table: (English, Arabic, what it may meet) of each listed sentence."""
    rows = []
    for line in CLINIC_COPY.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 5 and cells[0].startswith("`/"):
            rows.append((cells[2], cells[3], cells[4]))
    return rows


@pytest.mark.parametrize(("english", "arabic", "meets"), clinic_copy_rows())
def test_each_claim_listed_in_clinic_copy_md_is_flagged(english, arabic, meets):
    flags = check(english, re.sub(r"[«»]", "", arabic))

    assert codes(flags, "en"), english
    # The accuracy row's Arabic already says what the other pages say ("non-surgical").
    assert codes(flags, "ar") or meets.startswith("accuracy"), arabic


def test_clinic_copy_md_lists_the_sentences_it_is_read_for():
    assert len(clinic_copy_rows()) >= 19


# Each claim of docs/clinic-copy.md's table and of the second Arabic review's L1 to L6, on the
# passage that holds it once migrated: (key, rule, whether the Arabic makes it too).
# cost-and-safety.cost.text-2's Arabic says "non-surgical", as the other pages do: English only.
PASSAGE_CLAIMS = [
    ("home.approach.text", "groundbreaking", True),  # L1
    ("home.approach.text", "highly-effective", True),  # L1
    ("home.approach.text-2", "superiority", True),  # L2: unlike surgical interventions
    ("home.approach.text-2", "safety", True),  # L2: a reduced risk profile
    ("home.approach.text-2", "paradigm-shift", True),
    ("home.approach.text-2", "life-enhancing", True),  # L2
    ("exosome-therapy.why-different.text-2", "at-the-forefront", True),  # L5
    ("treatments-compared.lede", "paradigm-shift", True),
    ("treatments-compared.table.pros.exosomes", "no-downtime", True),
    ("treatments-compared.transplants.compared", "no-downtime", True),
    ("treatments-compared.prp.cons", "superiority", True),  # L3
    ("treatments-compared.prp.compared", "superiority", True),  # L3
    ("treatments-compared.medications.compared", "superiority", True),  # L3
    ("treatments-compared.summary.text", "highly-effective", True),  # L3
    ("procedure.lede", "maximum", True),
    ("procedure.aftercare.long-term", "highly-effective", True),  # L4
    ("procedure.aftercare.follow-up-sessions", "single-session", True),  # L4
    ("procedure.steps.solution", "product-source", True),  # L6
    ("cost-and-safety.cost.text-2", "non-invasive", False),
    ("cost-and-safety.safety.text", "safety", True),
    ("cost-and-safety.meta.description", "safety", True),
    ("home.learn.cost-and-safety", "safety", True),
    ("cost-and-safety.safety.source-material", "product-source", True),  # L6
    ("cost-and-safety.future.text", "at-the-forefront", True),  # L5
    ("cost-and-safety.future.closing", "at-the-forefront", True),  # L5
]


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "code", "in_arabic"), PASSAGE_CLAIMS)
def test_each_listed_claim_warns_on_its_passage_in_both_languages(key, code, in_arabic):
    from content.models import Passage
    from pages.admin import PassageAdmin

    passage = Passage.objects.get(key=key)
    flags = passage.flags_to_decide()

    assert code in codes(flags, "en")
    assert (code in codes(flags, "ar")) == in_arabic
    assert PassageAdmin.warnings(None, passage) == len(flags) > 0


def test_clinic_copy_md_names_each_claims_passage_by_its_key():
    table = CLINIC_COPY.read_text().split("| page |", 1)[1]
    pages = "home|exosome-therapy|treatments-compared|procedure|cost-and-safety"

    named = set(re.findall(rf"`((?:{pages})\.[\w.-]+)`", table))

    assert named == {key for key, _code, _in_arabic in PASSAGE_CLAIMS}
