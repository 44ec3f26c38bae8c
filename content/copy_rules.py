"""The copy rules, checked each time the clinic saves its words: what a medical-advertising
reviewer would flag, in English and Arabic, and the house rules the Arabic already follows.

Pure functions of the text (plain text: rich_text.text_of). A claim flagged here is not refused:
it blocks approval until the approver ticks that the clinic stands by it (content/review.py).

Where the claims come from: the superlatives and promises the UAE's health-advertising rules
name (Cabinet Resolution No. 7 of 2007, Article 4: no exaggeration, nothing that raises
expectations beyond the evidence, no comparison without credible evidence; the DHA's guidance),
the clinic's own sentences listed in docs/clinic-copy.md, and the claim findings L1 to L6 of the
second Arabic review (../shared/brief/arabic-review-2026-12-05.md). The house rules are the
Arabic's own (docs/architecture.md, "English and Arabic"): «السلامة» for safety, «من 3 إلى 6»
for a range, «واتساب», Arabic punctuation, tanween before the alif.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

CLAIM = "claim"
HOUSE = "house"

# Letters and the marks written on them: a word goes on through its vowel marks.
_WORD = r"[\w\u0610-\u061a\u064b-\u065f\u0670]"
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")  # and the tatweel
_SENTENCE_END = re.compile(r"(?<=[.!?؟؛])\s+|\n")

REASONS = {
    "exaggeration": _("An exaggerating expression: the rules allow none without evidence."),
    "expectations": _("Raises expectations of results or safety that need evidence."),
    "comparison": _("Compares with another treatment: that needs credible evidence."),
    "accuracy": _("May not be accurate: injections are minimally invasive, not non-invasive."),
    "product": _(
        "A claim about the product: keep it only if the product is registered with MOHAP or "
        "the DHA and its source documented."
    ),
}


def english(*alternatives):
    return re.compile(rf"(?<!{_WORD})(?:{'|'.join(alternatives)})(?!{_WORD})", re.IGNORECASE)


def arabic(*alternatives):
    """Arabic written without vowel marks (they are taken out first), with a joined «و», «ف»,
    «ب», «ل» or «ك» before the word allowed."""
    return re.compile(rf"(?<!{_WORD})[وفبلك]?(?:{'|'.join(alternatives)})(?!{_WORD})")


@dataclass(frozen=True)
class Rule:
    code: str
    reason: str
    english: re.Pattern | None
    arabic: re.Pattern | None

    def pattern(self, language):
        return self.arabic if language == "ar" else self.english


# What a guarantee is of: «(لك) النتائج», «نجاح», «الشفاء», «نمو» …
_A_RESULT = r"(?:\s+لك(?:م)?)?\s+(?:ال)?(?:نتائج|نتيجة|نجاح|شفاء|نمو)"

# Each rule: its code, the rule it may meet (REASONS), its English and its Arabic. The clinic's own
# sentences (docs/clinic-copy.md) and the review's L1-L6 are here by their words, from
# "groundbreaking" on.
CLAIM_RULES = (
    Rule("guarantee", "expectations",
         english(r"guarantee[sd]?", "guaranteeing"),
         # «يضمن» and «ضمان» also say "ensure" (a step ensures comfort): a guarantee of a result.
         arabic(r"مضمون\w*", "نضمن", rf"(?:يضمن|ضمان)(?={_A_RESULT})")),
    Rule("permanent", "expectations",
         english(r"permanent(?:ly)?", "forever", "lifelong", "for life"),
         arabic("دائمة", "دائم(?!ا)", "إلى الأبد", "للأبد", "مدى الحياة")),
    Rule("superlative", "exaggeration",
         english("best", "finest", "number one", r"no\. ?1", "#1", "unique", "unrivall?ed",
                 "unmatched", "incomparable", "unprecedented", "world[- ]class",
                 "cutting[- ]edge", "state[- ]of[- ]the[- ]art", "most advanced"),
         arabic("الأفضل", "أفضل (?:علاج|عيادة|نتائج|نتيجة|خيار)", "الأمثل", r"فريد\w*",
                r"لا مثيل له\w*", "لا يضاهى", r"غير مسبوق\w*", "الأكثر تقدما")),
    Rule("hundred-percent", "expectations",
         english(r"100 ?%", "100 percent", "one hundred percent"),
         arabic(r"100 ?[%٪]", r"١٠٠ ?[%٪]", "مئة بالمئة", "مائة بالمائة", "100 بالمئة")),
    Rule("risk-free", "expectations",
         english("risk[- ]free", "no risks?", r"without (?:any )?risks?",
                 "(?:completely|totally|perfectly|absolutely) safe", "no side[- ]effects",
                 "painless"),
         arabic("بلا مخاطر", "(?:دون|بدون) (?:أي )?مخاطر", "خال من (?:ال)?مخاطر",
                "آمن(?:ة)? (?:تماما|كليا)", "(?:بلا|دون|بدون) (?:أي )?آثار جانبية",
                "لا (?:توجد|يسبب|تسبب) (?:أي )?آثار جانبية", "(?:بلا|دون|بدون) ألم")),
    Rule("miracle", "exaggeration",
         english(r"miracle\w*", "miraculous", "magic(?:al)?"),
         arabic(r"معجز\w*", r"سحري\w*")),
    Rule("cure", "expectations",
         english("cures?", "cured", "curing"),
         arabic("يشفي", "شفاء تام", "علاج نهائي", "يقضي على")),
    Rule("groundbreaking", "exaggeration",
         english("ground[- ]?breaking", "revolutionary", "breakthrough"),
         arabic("تقدما رائدا", r"ثوري\w*")),
    Rule("highly-effective", "expectations",
         english("(?:highly|very|extremely) effective", "effective solutions?",
                 "robust new growth"),
         arabic("عالي(?:ة)? الفا?عالية", "فا?عالة? للغاية", "حلولا فعالة", "نمو جديد قوي")),
    Rule("paradigm-shift", "exaggeration",
         english("paradigm shift", "significant leap", "game[- ]changer"),
         arabic("نقلة نوعية", "نقلة كبيرة")),
    Rule("life-enhancing", "expectations",
         english("life[- ]enhancing", "life[- ]changing", r"tangible (?:and [\w-]+ )?outcome"),
         arabic("تحسن جودة الحياة", "نتيجة ملموسة")),
    Rule("at-the-forefront", "exaggeration",
         english("truly innovative", "innovative and promising", "at the forefront",
                 "astounding", "a glimpse into the future"),
         arabic("مبتكرا وواعدا", "في طليعة", "بوتيرة مذهلة", "لمحة عن مستقبل")),
    Rule("no-downtime", "expectations",
         english("(?:virtually |almost )?no downtime"),
         arabic("فترة تعاف شبه معدومة", "بلا فترة تعاف", "(?:دون|بدون) فترة تعاف")),
    Rule("maximum", "exaggeration",
         english("maximum (?:comfort|efficacy|results?)", "dramatic"),
         arabic("أقصى قدر من")),
    Rule("single-session", "expectations",
         english(r"(?:after|from) (?:just )?(?:a single|one) (?:treatment|session)"),
         arabic(r"بعد جلسة (?:علاجية )?واحدة")),
    Rule("non-invasive", "accuracy", english("non[- ]invasive"), None),
    Rule("safety", "expectations",
         english("(?:generally )?considered safe", "significantly reduces the risk",
                 "reduced risk(?: profile)?"),
         arabic("آمن(?:ا|ة)? (?:بوجه عام|عموما)", "يقلل (?:ذلك )?كثيرا من خطر", "بمخاطر أقل")),
    Rule("side-effects-rare", "expectations",
         english("side[- ]effects (?:are|is) rare", "rare side[- ]effects",
                 "side[- ]effects (?:are )?(?:rarely|seldom)"),
         arabic("(?:ال)?آثار (?:ال)?جانبية نادرة", "نادرا ما (?:تحدث|تظهر) (?:أي )?آثار")),
    Rule("product-source", "product",
         english("umbilical cord", "wharton'?s jelly", "highly concentrated and pure",
                 "reputable clinics use"),
         arabic("الحبل السري", "هلام وارتون", "عالي التركيز والنقاء", "العيادات الموثوقة")),
)  # fmt: skip

# Superiority over a named treatment: a comparison and a treatment (the clinic's own included) in
# the same sentence.
COMPARISON = Rule(
    "superiority",
    "comparison",
    english(
        "more (?:potent|effective|powerful|intensive|lasting)", "longer[- ]lasting",
        "better (?:than|results)", "superior", "outperforms?", "stronger than", "unlike",
        "compared (?:to|with)", "as potent as",
    ),
    arabic(
        "أقوى", "أفضل من", "أكثر (?:فعالية|تأثيرا|تكثيفا)", r"يتفوق\w*", r"تفوق\w*", "على خلاف",
        "بخلاف", "مقارنة ب", "أطول أثرا", "بقوة",
    ),
)  # fmt: skip
TREATMENTS = Rule(
    "treatment",
    "comparison",
    english(
        "PRP", "platelet[- ]rich plasma", "minoxidil", "finasteride", "transplants?", "FUE", "FUT",
        "surgery", "surgical", "medications?", "laser", "other (?:treatments?|clinics?)",
        "exosomes?",
    ),
    arabic(
        "PRP", "البلازما", "المينوكسيديل", "الفيناسترايد", r"زراعة", r"الجراحي\w*", "الجراحة",
        "الأدوية", "الليزر", r"العلاجات الأخرى", "الإكسوسومات",
    ),
)  # fmt: skip

HOUSE_RULES = {
    "safety-word": (
        re.compile(rf"(?<!{_WORD})[وفبلك]?(?:ال)?أمان(?!{_WORD})"),
        _("Safety is «السلامة» («الأمان» is security)."),
    ),
    "range-dash": (
        re.compile(r"\d+\s*[-–—]\s*\d+"),
        _("Write a range as «من 3 إلى 6», not with a dash."),
    ),
    "whatsapp": (
        re.compile(rf"whats\s*app|واتس\s+[اآ]ب|واتسآب|(?<!{_WORD})وتساب", re.IGNORECASE),
        _("WhatsApp is written «واتساب»."),
    ),
    "latin-punctuation": (
        re.compile(r"(?<!\d),|,(?!\d)|[;?]"),
        _("Arabic punctuation: «،» «؛» «؟»."),
    ),
    "tanween-alif": (
        re.compile("اً"),
        _("Tanween goes before the alif: «جدًا», not «جداً»."),
    ),
}

ARABIC_ONLY = _("The Arabic makes this claim; the English doesn't.")


@dataclass(frozen=True)
class Flag:
    code: str  # the rule's
    language: str  # "en" or "ar": the text it was found in
    phrase: str  # as found (Arabic without its vowel marks)
    kind: str = CLAIM
    arabic_only: bool = False  # a claim in the Arabic that the English doesn't make

    @property
    def key(self):
        """What the approver's tick stands by: this claim, in these words, in this language."""
        return f"{self.language}:{self.code}:{self.phrase.casefold()}"

    @property
    def messages(self):
        if self.kind == HOUSE:
            return [HOUSE_RULES[self.code][1]]
        reason = REASONS[_RULES[self.code].reason]
        return [reason, ARABIC_ONLY] if self.arabic_only else [reason]


_RULES = {rule.code: rule for rule in (*CLAIM_RULES, COMPARISON)}


def without_marks(text):
    """Arabic as the claim patterns read it: no vowel marks, no tatweel."""
    return _ARABIC_MARKS.sub("", text)


def _first(pattern, text):
    match = pattern.search(text) if pattern else None
    return match.group(0).strip() if match else None


def comparison(text, language):
    """The first sentence's comparison with a named treatment, as "comparison … treatment"."""
    compared, named = COMPARISON.pattern(language), TREATMENTS.pattern(language)
    for sentence in _SENTENCE_END.split(text):
        than, treatment = _first(compared, sentence), _first(named, sentence)
        if than and treatment:
            return f"{than} … {treatment}"
    return None


def claims(text, language):
    """{rule code: phrase} of the claims in a text of one language."""
    if language == "ar":
        text = without_marks(text)
    found = {rule.code: _first(rule.pattern(language), text) for rule in CLAIM_RULES}
    found[COMPARISON.code] = comparison(text, language)
    return {code: phrase for code, phrase in found.items() if phrase}


def house_rules(arabic_text):
    found = []
    for code, (pattern, _message) in HOUSE_RULES.items():
        match = pattern.search(arabic_text)
        if match:
            found.append(Flag(code, "ar", match.group(0), kind=HOUSE))
    return found


def check(english_text, arabic_text):
    """Every flag of one item: the claims in its English, the claims in its Arabic (marked when
    the English doesn't make them), and the Arabic's house rules."""
    in_english = claims(english_text, "en")
    in_arabic = claims(arabic_text, "ar")
    flags = [Flag(code, "en", phrase) for code, phrase in in_english.items()]
    flags += [
        Flag(code, "ar", phrase, arabic_only=code not in in_english and bool(english_text))
        for code, phrase in in_arabic.items()
    ]
    return flags + house_rules(arabic_text)
