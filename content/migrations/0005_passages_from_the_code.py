"""The words of the treatment pages, the home page and the contact page as the site showed them
before they became content: the English as the templates rendered it, the Arabic as
locale/ar/LC_MESSAGES/django.po's msgstr, written out here as they were (each page's passages in
reading order). Published as they stand (the pages read the same words as before), with a first
version in each passage's history to revert to. The claims in them are the clinic's to decide
(docs/clinic-copy.md): the copy rules flag them on the passage until the clinic rewrites them or
stands by them."""

from django.db import migrations
from django.utils import timezone

# (page, key, English, Arabic)
PASSAGES = [
    # home
    (
        "home",
        "home.meta.title",
        "Exosome hair restoration in Dubai",
        "استعادة الشعر بالإكسوسومات في دبي",
    ),
    (
        "home",
        "home.meta.description",
        (
            "Ecla Clinic in Jumeirah, Dubai offers exosome therapy for hair loss: a "
            "minimally invasive, non-surgical treatment. Learn how it works and book a "
            "free consultation."
        ),
        (
            "تقدّم Ecla Clinic في جميرا، دبي، العلاج بالإكسوسومات لتساقط الشعر: علاج طفيف "
            "التوغّل وغير جراحي. تعرّف على طريقة عمله واحجز استشارة مجانية."
        ),
    ),
    (
        "home",
        "home.hero.eyebrow",
        "Hair restoration in Dubai",
        "استعادة الشعر في دبي",
    ),
    (
        "home",
        "home.title",
        "Exosome therapy for hair loss",
        "العلاج بالإكسوسومات لتساقط الشعر",
    ),
    (
        "home",
        "home.lede",
        (
            "A minimally invasive, non-surgical treatment that delivers growth factors and "
            "signaling molecules directly to dormant and struggling hair follicles, with "
            "minimal downtime."
        ),
        (
            "علاج طفيف التوغّل وغير جراحي يوصل عوامل النمو وجزيئات الإشارة مباشرةً إلى "
            "بصيلات الشعر الخاملة والضعيفة، مع حدٍّ أدنى من فترة التعافي."
        ),
    ),
    (
        "home",
        "home.hero.book-link",
        "Book a free consultation",
        "احجز استشارة مجانية",
    ),
    (
        "home",
        "home.hero.how-it-works-link",
        "How exosome therapy works",
        "كيف يعمل العلاج بالإكسوسومات",
    ),
    (
        "home",
        "home.hero.illustration",
        ("Illustration: exosomes carrying growth signals to a hair follicle beneath the scalp."),
        "رسم توضيحي: إكسوسومات تحمل إشارات النمو إلى بصيلة شعر تحت فروة الرأس.",
    ),
    (
        "home",
        "home.approach.heading",
        "A new approach to an old problem",
        "نهج جديد لمشكلة قديمة",
    ),
    (
        "home",
        "home.approach.text",
        (
            "Hair loss can be a profoundly challenging experience, but the landscape of "
            "restorative treatments is continuously evolving, offering new hope and "
            "effective solutions. Exosome injections stand out as a groundbreaking "
            "advancement, harnessing the innate regenerative power of the body to combat "
            "hair thinning and promote robust new growth. By delivering a concentrated "
            "payload of growth factors and signaling molecules directly to dormant and "
            "struggling hair follicles, this minimally invasive procedure offers a natural "
            "and highly effective pathway to revitalized hair and improved scalp health."
        ),
        (
            "قد يكون تساقط الشعر تجربة صعبة للغاية، لكن مجال علاجات استعادة الشعر يتطور "
            "باستمرار، مقدّمًا أملًا جديدًا وحلولًا فعّالة. وتبرز حقن الإكسوسومات بوصفها "
            "تقدمًا رائدًا، إذ تسخّر قدرة الجسم الفطرية على التجدد لمقاومة ترقّق الشعر "
            "وتعزيز نمو جديد قوي. ومن خلال إيصال جرعة مركّزة من عوامل النمو وجزيئات "
            "الإشارة مباشرةً إلى بصيلات الشعر الخاملة والضعيفة، يقدّم هذا الإجراء طفيف "
            "التوغّل طريقًا طبيعيًا وعالي الفعالية نحو شعر متجدد الحيوية وصحة أفضل لفروة "
            "الرأس."
        ),
    ),
    (
        "home",
        "home.approach.text-2",
        (
            "Unlike traditional surgical interventions, exosome therapy boasts minimal "
            "downtime and a reduced risk profile, making it an attractive option for those "
            "seeking non-surgical alternatives. Its ability to stimulate existing "
            "follicles and encourage new hair production from within represents a "
            "significant paradigm shift in hair restoration. While patience is required as "
            "the gradual improvements unfold, the potential for thicker, stronger, and "
            "healthier hair is a tangible and life-enhancing outcome. As research "
            "continues to refine our understanding and application of these microscopic "
            "cellular messengers, exosome therapy is poised to play an increasingly "
            "central role in the future of hair restoration, offering a sophisticated and "
            "natural solution to a common and distressing condition."
        ),
        (
            "وعلى خلاف التدخلات الجراحية التقليدية، يتميّز العلاج بالإكسوسومات بحدٍّ أدنى "
            "من فترة التعافي وبمخاطر أقل، ما يجعله خيارًا جذابًا لمن يبحثون عن بدائل غير "
            "جراحية. وتمثّل قدرته على تحفيز البصيلات الموجودة وتشجيع إنتاج شعر جديد من "
            "الداخل نقلة نوعية مهمة في مجال استعادة الشعر. ومع أن الأمر يتطلب الصبر ريثما "
            "تظهر التحسينات تدريجيًا، فإن إمكانية الحصول على شعر أكثف وأقوى وأكثر صحة "
            "نتيجةٌ ملموسة تُحسّن جودة الحياة. ومع استمرار الأبحاث في تعميق فهمنا لهذه "
            "الرسائل الخلوية المجهرية وتحسين استخدامها، يبدو العلاج بالإكسوسومات مهيّأً "
            "لأداء دور متزايد الأهمية في مستقبل استعادة الشعر، مقدّمًا حلًا متطورًا "
            "وطبيعيًا لحالة شائعة ومؤرقة."
        ),
    ),
    (
        "home",
        "home.learn.heading",
        "Learn before you decide",
        "اطّلع قبل أن تقرّر",
    ),
    (
        "home",
        "home.learn.hair-loss-heading",
        "Understanding hair loss",
        "فهم تساقط الشعر",
    ),
    (
        "home",
        "home.learn.hair-loss",
        (
            "Genetics, hormones, stress, illness, nutrition, thyroid disorders and styling "
            "can all play a part. Understanding the cause is crucial for effective "
            "treatment."
        ),
        (
            "الوراثة والهرمونات والتوتر والمرض والتغذية واضطرابات الغدة الدرقية وتصفيف "
            "الشعر، كلها عوامل قد يكون لها دور. وفهم السبب أمر بالغ الأهمية لعلاج فعّال."
        ),
    ),
    (
        "home",
        "home.learn.hair-loss-link",
        "Causes of hair loss",
        "أسباب تساقط الشعر",
    ),
    (
        "home",
        "home.learn.exosomes-heading",
        "The science of exosomes",
        "علم الإكسوسومات",
    ),
    (
        "home",
        "home.learn.exosomes",
        (
            "Tiny vesicles released by stem cells that carry growth factors, proteins and "
            "genetic material, messages that weakened hair follicles need to re-engage in "
            "growth."
        ),
        (
            "حويصلات دقيقة تطلقها الخلايا الجذعية وتحمل عوامل النمو والبروتينات والمادة "
            "الوراثية، وهي رسائل تحتاج إليها بصيلات الشعر الضعيفة لتعود إلى النمو."
        ),
    ),
    (
        "home",
        "home.learn.exosomes-link",
        "How exosomes work",
        "كيف تعمل الإكسوسومات",
    ),
    (
        "home",
        "home.learn.compared-heading",
        "Treatments compared",
        "مقارنة العلاجات",
    ),
    (
        "home",
        "home.learn.compared",
        (
            "Transplants (FUE/FUT), PRP, minoxidil and finasteride: the benefits and "
            "limitations of each, side by side with exosomes."
        ),
        (
            "زراعة الشعر (FUE/FUT)، والبلازما الغنية بالصفائح الدموية (PRP)، والمينوكسيديل "
            "(minoxidil)، والفيناسترايد (finasteride): فوائد كلٍّ منها وحدوده، جنبًا إلى "
            "جنب مع الإكسوسومات."
        ),
    ),
    (
        "home",
        "home.learn.compared-link",
        "Compare treatments",
        "قارن بين العلاجات",
    ),
    (
        "home",
        "home.learn.procedure-heading",
        "The procedure, step by step",
        "الإجراء خطوةً بخطوة",
    ),
    (
        "home",
        "home.learn.procedure",
        (
            "From the first consultation to aftercare: six steps, usually 30 to 60 minutes "
            "of injections, and visible changes typically within 3–6 months."
        ),
        (
            "من الاستشارة الأولى حتى الرعاية اللاحقة: ست خطوات، وحقن تستغرق عادةً من 30 "
            "إلى 60 دقيقة، وتغيّرات ملحوظة تظهر عادةً خلال 3 إلى 6 أشهر."
        ),
    ),
    (
        "home",
        "home.learn.procedure-link",
        "What to expect",
        "ما الذي تتوقعه",
    ),
    (
        "home",
        "home.learn.cost-and-safety-heading",
        "Cost and safety",
        "التكلفة والسلامة",
    ),
    (
        "home",
        "home.learn.cost-and-safety",
        (
            "What affects the price, why exosome therapy is generally considered safe, and "
            "where the field is heading."
        ),
        (
            "ما الذي يؤثر في السعر، ولماذا يُعدّ العلاج بالإكسوسومات آمنًا بوجه عام، وإلى "
            "أين يتجه هذا المجال."
        ),
    ),
    (
        "home",
        "home.learn.cost-and-safety-link",
        "Cost and safety",
        "التكلفة والسلامة",
    ),
    (
        "home",
        "home.book.heading",
        "Book a free consultation",
        "احجز استشارة مجانية",
    ),
    (
        "home",
        "home.book.text",
        (
            "If you would like to schedule an appointment or a free consultation, please "
            "leave your info and we will contact you as soon as possible."
        ),
        (
            "إذا كنت ترغب في حجز موعد أو استشارة مجانية، يُرجى ترك بياناتك وسنتواصل معك في "
            "أقرب وقت ممكن."
        ),
    ),
    (
        "home",
        "home.visit.heading",
        "Visit the clinic",
        "زُر العيادة",
    ),
    (
        "home",
        "home.visit.directions-link",
        "Get directions in maps",
        "احصل على الاتجاهات في الخرائط",
    ),
    (
        "home",
        "home.faq.heading",
        "Common questions",
        "أسئلة شائعة",
    ),
    (
        "home",
        "home.faq.all-questions-link",
        "All frequently asked questions",
        "جميع الأسئلة الشائعة",
    ),
    # hair-loss
    (
        "hair-loss",
        "hair-loss.meta.title",
        "Understanding hair loss (alopecia)",
        "فهم تساقط الشعر (الحاصّة)",
    ),
    (
        "hair-loss",
        "hair-loss.meta.description",
        (
            "What causes hair loss: androgenetic alopecia, telogen effluvium, alopecia "
            "areata, nutrition, thyroid disorders, medications and styling, and its "
            "psychological impact."
        ),
        (
            "أسباب تساقط الشعر: الحاصّة الأندروجينية، وتساقط الشعر التيلوجيني، والثعلبة "
            "البقعية، والتغذية، واضطرابات الغدة الدرقية، والأدوية وتصفيف الشعر، وأثره "
            "النفسي."
        ),
    ),
    (
        "hair-loss",
        "hair-loss.title",
        "Understanding hair loss",
        "فهم تساقط الشعر",
    ),
    (
        "hair-loss",
        "hair-loss.lede",
        (
            "Hair loss, scientifically known as alopecia, is a complex condition "
            "influenced by a myriad of factors, ranging from genetics and hormonal "
            "imbalances to environmental stressors and lifestyle choices."
        ),
        (
            "تساقط الشعر، المعروف علميًا باسم الحاصّة، حالة معقدة تتأثر بعدد كبير من "
            "العوامل، تتراوح بين العوامل الوراثية واختلال التوازن الهرموني، وصولًا إلى "
            "الضغوط البيئية وخيارات نمط الحياة."
        ),
    ),
    (
        "hair-loss",
        "hair-loss.intro.text",
        (
            "While often perceived as a cosmetic issue, its impact extends far beyond "
            "appearance, frequently leading to diminished self-esteem, social anxiety, and "
            "even depression. Understanding the underlying causes of hair loss is crucial "
            "for effective treatment."
        ),
        (
            "ومع أنه يُنظر إليه غالبًا على أنه مشكلة تجميلية، فإن أثره يتجاوز المظهر "
            "بكثير، إذ كثيرًا ما يؤدي إلى تراجع تقدير الذات والقلق الاجتماعي، بل والاكتئاب "
            "أيضًا. ويُعدّ فهم الأسباب الكامنة وراء تساقط الشعر أمرًا بالغ الأهمية لعلاجه "
            "بفعالية."
        ),
    ),
    (
        "hair-loss",
        "hair-loss.androgenetic-alopecia.heading",
        "Androgenetic alopecia: male and female pattern baldness",
        "الحاصّة الأندروجينية (الصلع الوراثي): النمط الذكوري والأنثوي",
    ),
    (
        "hair-loss",
        "hair-loss.androgenetic-alopecia.text",
        (
            "One of the most prevalent forms of hair loss is androgenetic alopecia, "
            "commonly known as male or female pattern baldness. This condition is "
            "primarily genetic and hormonal, characterized by a progressive "
            "miniaturization of hair follicles, leading to shorter, finer, and eventually "
            "absent hairs."
        ),
        (
            "من أكثر أشكال تساقط الشعر انتشارًا الحاصّة الأندروجينية، المعروفة عادةً "
            "بالصلع ذي النمط الذكوري أو الأنثوي. وهي حالة وراثية وهرمونية في الأساس، تتسم "
            "بتصغّر تدريجي في بصيلات الشعر، مما يؤدي إلى شعيرات أقصر وأرقّ، ثم إلى غيابها "
            "في النهاية."
        ),
    ),
    (
        "hair-loss",
        "hair-loss.androgenetic-alopecia.in-men",
        "In men, this often manifests as a receding hairline and thinning at the crown.",
        ("لدى الرجال، يظهر ذلك غالبًا في صورة انحسار خط الشعر الأمامي وترقّق الشعر في قمة الرأس."),
    ),
    (
        "hair-loss",
        "hair-loss.androgenetic-alopecia.in-women",
        (
            "In women, it typically presents as diffuse thinning across the scalp, "
            "particularly at the part line."
        ),
        ("ولدى النساء، يظهر عادةً في صورة ترقّق منتشر في أنحاء فروة الرأس، ولا سيما عند مفرق الشعر."),
    ),
    (
        "hair-loss",
        "hair-loss.other-causes.heading",
        "Other common causes",
        "أسباب شائعة أخرى",
    ),
    (
        "hair-loss",
        "hair-loss.other-causes.telogen-effluvium-heading",
        "Telogen effluvium",
        "تساقط الشعر التيلوجيني",
    ),
    (
        "hair-loss",
        "hair-loss.other-causes.telogen-effluvium",
        (
            "Telogen effluvium is a temporary form of hair loss often triggered by stress, "
            "illness, childbirth, or certain medications. This condition causes a large "
            "number of hair follicles to enter the resting (telogen) phase prematurely, "
            "leading to increased shedding."
        ),
        (
            "تساقط الشعر التيلوجيني شكل مؤقت من تساقط الشعر، غالبًا ما يحفّزه التوتر أو "
            "المرض أو الولادة أو أدوية معينة. وتؤدي هذه الحالة إلى دخول عدد كبير من بصيلات "
            "الشعر طور الراحة (الطور التيلوجيني) قبل أوانه، مما يزيد من تساقط الشعر."
        ),
    ),
    (
        "hair-loss",
        "hair-loss.other-causes.alopecia-areata-heading",
        "Alopecia areata",
        "الثعلبة البقعية",
    ),
    (
        "hair-loss",
        "hair-loss.other-causes.alopecia-areata",
        (
            "Alopecia areata is an autoimmune condition where the body’s immune system "
            "mistakenly attacks hair follicles, resulting in patchy hair loss that can "
            "range from small, coin-sized areas to complete scalp or body hair loss."
        ),
        (
            "الثعلبة البقعية حالة مناعية ذاتية يهاجم فيها جهاز المناعة في الجسم بصيلات "
            "الشعر عن طريق الخطأ، مما يؤدي إلى تساقط الشعر على شكل بقع، قد يتراوح بين "
            "مناطق صغيرة بحجم قطعة النقود المعدنية وفقدان شعر فروة الرأس أو الجسم بالكامل."
        ),
    ),
    (
        "hair-loss",
        "hair-loss.other-causes.nutrition-and-styling-heading",
        "Nutrition, thyroid, medications and styling",
        "التغذية والغدة الدرقية والأدوية وتصفيف الشعر",
    ),
    (
        "hair-loss",
        "hair-loss.other-causes.nutritional-deficiencies",
        (
            "<strong>Nutritional deficiencies</strong>, particularly in iron, zinc, "
            "biotin, and vitamin D, can also contribute to hair thinning and loss."
        ),
        (
            "<strong>نقص العناصر الغذائية</strong>، ولا سيما الحديد والزنك والبيوتين "
            "وفيتامين د، يمكن أن يسهم أيضًا في ترقّق الشعر وتساقطه."
        ),
    ),
    (
        "hair-loss",
        "hair-loss.other-causes.thyroid-disorders",
        (
            "<strong>Thyroid disorders</strong>, both hyperthyroidism and hypothyroidism, "
            "can disrupt the hair growth cycle."
        ),
        (
            "<strong>اضطرابات الغدة الدرقية</strong>، سواء فرط نشاط الغدة الدرقية أو "
            "قصورها، يمكن أن تُخلّ بدورة نمو الشعر."
        ),
    ),
    (
        "hair-loss",
        "hair-loss.other-causes.medications-and-hair-care",
        (
            "<strong>Medications and hair care:</strong> certain medications, harsh "
            "chemical treatments, excessive heat styling, and tight hairstyles can all "
            "damage hair follicles and lead to hair loss."
        ),
        (
            "<strong>الأدوية والعناية بالشعر:</strong> يمكن لبعض الأدوية والعلاجات "
            "الكيميائية القاسية والإفراط في تصفيف الشعر بالحرارة وتسريحات الشعر المشدودة "
            "أن تُلحق الضرر ببصيلات الشعر وتؤدي إلى تساقطه."
        ),
    ),
    (
        "hair-loss",
        "hair-loss.appearance.heading",
        "More than appearance",
        "أبعد من المظهر",
    ),
    (
        "hair-loss",
        "hair-loss.appearance.text",
        (
            "The psychological burden of hair loss cannot be overstated. It can profoundly "
            "affect an individual’s self-image, leading to feelings of embarrassment, "
            "frustration, and isolation."
        ),
        (
            "لا مبالغة في القول إن العبء النفسي لتساقط الشعر كبير، إذ قد يؤثر تأثيرًا "
            "عميقًا في صورة الشخص عن نفسه، ويولّد مشاعر الحرج والإحباط والعزلة."
        ),
    ),
    (
        "hair-loss",
        "hair-loss.appearance.closing",
        (
            "Seeking professional help is not just about restoring hair; it’s about "
            "restoring confidence and improving overall well-being."
        ),
        (
            "طلب المساعدة المتخصصة لا يقتصر على استعادة الشعر؛ بل يتعلق باستعادة الثقة "
            "بالنفس وتحسين العافية بوجه عام."
        ),
    ),
    (
        "hair-loss",
        "hair-loss.next",
        "Next: how exosome therapy works",
        "التالي: كيف يعمل العلاج بالإكسوسومات",
    ),
    # exosome-therapy
    (
        "exosome-therapy",
        "exosome-therapy.meta.title",
        "How exosome therapy for hair restoration works",
        "كيف يعمل العلاج بالإكسوسومات لاستعادة الشعر",
    ),
    (
        "exosome-therapy",
        "exosome-therapy.meta.description",
        (
            "What exosomes are, how stem-cell exosomes carry growth factors such as VEGF, "
            "PDGF, IGF-1 and Wnt proteins, and why they matter for weakened hair follicles."
        ),
        (
            "ما هي الإكسوسومات، وكيف تحمل إكسوسومات الخلايا الجذعية عوامل نمو مثل VEGF "
            "وPDGF وIGF-1 وبروتينات Wnt، وما أهميتها لبصيلات الشعر الضعيفة."
        ),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.title",
        "How exosome therapy works",
        "كيف يعمل العلاج بالإكسوسومات",
    ),
    (
        "exosome-therapy",
        "exosome-therapy.lede",
        (
            "Exosome therapy for hair restoration harnesses the sophisticated "
            "communication network within our bodies. To truly appreciate its potential, "
            "it’s essential to delve into the fascinating science of exosomes themselves."
        ),
        (
            "يستفيد العلاج بالإكسوسومات لاستعادة الشعر من شبكة التواصل المتطورة داخل "
            "أجسامنا. ولإدراك إمكاناته حقًا، لا بد من التعمق في العلم المدهش للإكسوسومات "
            "ذاتها."
        ),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.what-exosomes-are.heading",
        "What are exosomes?",
        "ما هي الإكسوسومات؟",
    ),
    (
        "exosome-therapy",
        "exosome-therapy.what-exosomes-are.text",
        (
            "Exosomes are tiny, nano-sized extracellular vesicles, essentially microscopic "
            "sacs, released by various cells, including stem cells."
        ),
        (
            "الإكسوسومات حويصلات خارج خلوية متناهية الصغر بحجم النانو، وهي في جوهرها أكياس "
            "مجهرية تطلقها خلايا مختلفة، ومنها الخلايا الجذعية."
        ),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.what-exosomes-are.text-2",
        (
            "Far from being mere cellular debris, exosomes are vital intercellular "
            "communicators, carrying a rich cargo of biologically active molecules, "
            "including proteins, lipids, messenger RNAs (mRNAs), and microRNAs (miRNAs)."
        ),
        (
            "الإكسوسومات ليست مجرد حطام خلوي، بل هي وسائط حيوية للتواصل بين الخلايا، تحمل "
            "حمولة غنية من الجزيئات النشطة بيولوجيًا، ومنها البروتينات والدهون والحمض "
            "النووي الريبي المرسال (mRNA) والحمض النووي الريبي الدقيق (miRNA)."
        ),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.messages.heading",
        "Messages between cells",
        "رسائل بين الخلايا",
    ),
    (
        "exosome-therapy",
        "exosome-therapy.messages.text",
        (
            "Think of them as highly specialized postal service vehicles, delivering "
            "crucial messages from one cell to another."
        ),
        "يمكن تشبيهها بسُعاة بريد متخصصين ينقلون رسائل مهمة من خلية إلى أخرى.",
    ),
    (
        "exosome-therapy",
        "exosome-therapy.messages.text-2",
        (
            "When released by stem cells, particularly mesenchymal stem cells (MSCs) which "
            "are known for their regenerative properties, these exosomes are packed with "
            "potent growth factors, cytokines, and genetic material that instruct "
            "recipient cells to initiate repair and regeneration processes."
        ),
        (
            "عندما تطلق الخلايا الجذعية هذه الإكسوسومات، ولا سيما الخلايا الجذعية الوسيطة "
            "(MSC) المعروفة بخصائصها التجديدية، تكون محمّلة بعوامل نمو قوية وسيتوكينات "
            "ومادة وراثية توجّه الخلايا المستقبِلة إلى بدء عمليات الإصلاح والتجديد."
        ),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.messages.text-3",
        (
            "In the context of hair restoration, these “messages” are precisely what "
            "dormant or weakened hair follicles need to re-engage in active growth."
        ),
        (
            "وفي سياق استعادة الشعر، تُعدّ هذه «الرسائل» تحديدًا ما تحتاج إليه بصيلات "
            "الشعر الخاملة أو الضعيفة لتعود إلى النمو النشط."
        ),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.cargo.heading",
        "What exosomes carry",
        "ما تحمله الإكسوسومات",
    ),
    (
        "exosome-therapy",
        "exosome-therapy.cargo.growth-factors-heading",
        "Growth factors",
        "عوامل النمو",
    ),
    (
        "exosome-therapy",
        "exosome-therapy.cargo.growth-factors",
        "Specifically, exosome cargo often includes growth factors such as",
        "وتحديدًا، غالبًا ما تتضمن حمولة الإكسوسومات عوامل نمو مثل",
    ),
    (
        "exosome-therapy",
        "exosome-therapy.cargo.vegf",
        (
            "<strong>Vascular Endothelial Growth Factor (VEGF)</strong>, which promotes "
            "blood vessel formation and improves nutrient supply to follicles;"
        ),
        (
            "<strong>عامل نمو بطانة الأوعية الدموية (VEGF)</strong>، الذي يعزز تكوين "
            "الأوعية الدموية ويحسّن إمداد البصيلات بالمغذيات؛"
        ),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.cargo.pdgf",
        (
            "<strong>Platelet-Derived Growth Factor (PDGF)</strong>, which stimulates cell "
            "growth and division;"
        ),
        (
            "<strong>عامل النمو المشتق من الصفائح الدموية (PDGF)</strong>، الذي يحفّز نمو "
            "الخلايا وانقسامها؛"
        ),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.cargo.igf-1",
        (
            "<strong>Insulin-like Growth Factor 1 (IGF-1)</strong>, crucial for hair shaft "
            "elongation;"
        ),
        ("<strong>عامل النمو الشبيه بالأنسولين 1 (IGF-1)</strong>، الضروري لاستطالة ساق الشعرة؛"),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.cargo.wnt-proteins",
        (
            "and various <strong>Wnt proteins</strong>, critical regulators of hair "
            "follicle development and regeneration."
        ),
        (
            "إضافةً إلى <strong>بروتينات Wnt</strong> المتنوعة، وهي منظِّمات أساسية لتكوّن "
            "بصيلات الشعر وتجدّدها."
        ),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.cargo.anti-inflammatory-heading",
        "Anti-inflammatory molecules and genetic information",
        "جزيئات مضادة للالتهاب ومعلومات وراثية",
    ),
    (
        "exosome-therapy",
        "exosome-therapy.cargo.anti-inflammatory",
        (
            "Beyond growth factors, exosomes also contain anti-inflammatory molecules that "
            "help reduce scalp inflammation, creating a healthier environment for hair "
            "growth."
        ),
        (
            "إلى جانب عوامل النمو، تحتوي الإكسوسومات أيضًا على جزيئات مضادة للالتهاب تساعد "
            "على تخفيف التهاب فروة الرأس، مما يهيئ بيئة أكثر صحة لنمو الشعر."
        ),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.cargo.anti-inflammatory-2",
        (
            "They can also transfer genetic information (miRNAs) that can modulate gene "
            "expression in recipient cells, effectively “reprogramming” them to behave "
            "more like healthy, actively growing hair follicle cells."
        ),
        (
            "ويمكنها كذلك نقل معلومات وراثية (miRNA) يمكن أن تعدّل التعبير الجيني في "
            "الخلايا المستقبِلة، بما يشبه «إعادة برمجتها» لتتصرف على نحو أقرب إلى خلايا "
            "بصيلات شعر سليمة تنمو بنشاط."
        ),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.why-different.heading",
        "Why this approach is different",
        "ما الذي يميّز هذا النهج",
    ),
    (
        "exosome-therapy",
        "exosome-therapy.why-different.text",
        (
            "The beauty of exosome therapy lies in its ability to deliver these precise, "
            "natural biological signals directly to the target area without requiring the "
            "transplantation of whole cells, thereby minimizing potential immune reactions "
            "and simplifying the procedure."
        ),
        (
            "تكمن ميزة العلاج بالإكسوسومات في قدرته على إيصال هذه الإشارات البيولوجية "
            "الطبيعية الدقيقة مباشرةً إلى المنطقة المستهدفة دون الحاجة إلى زراعة خلايا "
            "كاملة، مما يقلل التفاعلات المناعية المحتملة إلى أدنى حد ويبسّط الإجراء."
        ),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.why-different.text-2",
        (
            "This targeted delivery of regenerative signals is what makes exosomes a truly "
            "innovative and promising approach in the field of regenerative medicine, "
            "particularly for hair loss."
        ),
        (
            "وهذا الإيصال الموجَّه للإشارات التجديدية هو ما يجعل الإكسوسومات نهجًا مبتكرًا "
            "وواعدًا حقًا في مجال الطب التجديدي، ولا سيما في علاج تساقط الشعر."
        ),
    ),
    (
        "exosome-therapy",
        "exosome-therapy.next",
        "Next: how exosomes compare with other treatments",
        "التالي: مقارنة الإكسوسومات بالعلاجات الأخرى",
    ),
    # treatments-compared
    (
        "treatments-compared",
        "treatments-compared.meta.title",
        "Exosomes vs. hair transplants, PRP and medications",
        ("الإكسوسومات مقارنةً بزراعة الشعر والبلازما الغنية بالصفائح الدموية (PRP) والأدوية"),
    ),
    (
        "treatments-compared",
        "treatments-compared.meta.description",
        (
            "How exosome injections compare with FUE/FUT hair transplants, PRP therapy, "
            "minoxidil and finasteride: what each involves, with its pros and cons side by "
            "side."
        ),
        (
            "حقن الإكسوسومات مقارنة بزراعة الشعر (FUE/FUT) والبلازما الغنية بالصفائح "
            "الدموية (PRP) والمينوكسيديل والفيناسترايد: ما يتضمنه كل منها ومزاياه وعيوبه."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.title",
        "Exosomes compared with other hair loss treatments",
        "الإكسوسومات مقارنةً بعلاجات تساقط الشعر الأخرى",
    ),
    (
        "treatments-compared",
        "treatments-compared.lede",
        (
            "While exosome injections represent a significant leap in hair restoration, "
            "it’s important to understand how they compare to established methods."
        ),
        (
            "مع أن حقن الإكسوسومات تمثّل نقلة كبيرة في مجال استعادة الشعر، فمن المهم فهم "
            "كيف تُقارَن بالطرق المعتمدة."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.intro.text",
        (
            "Each approach has its unique benefits and limitations, and the best choice "
            "often depends on the individual’s specific circumstances."
        ),
        (
            "لكلّ طريقة مزاياها وحدودها الخاصة، وغالبًا ما يتوقّف الخيار الأفضل على الظروف "
            "الخاصة بكل شخص."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.glance.heading",
        "At a glance",
        "لمحة سريعة",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.hint",
        "Scroll the table sideways to see all four treatments.",
        "يمكن تمرير الجدول أفقيًا لعرض العلاجات الأربعة جميعها.",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.caption",
        "Hair transplants, PRP, medications and exosomes side by side",
        ("زراعة الشعر والبلازما الغنية بالصفائح الدموية (PRP) والأدوية والإكسوسومات جنبًا إلى جنب"),
    ),
    (
        "treatments-compared",
        "treatments-compared.table.transplants",
        "Hair transplants (FUE/FUT)",
        "زراعة الشعر (FUE/FUT)",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.prp",
        "PRP therapy",
        "العلاج بالبلازما الغنية بالصفائح الدموية (PRP)",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.medications",
        "Medications (minoxidil, finasteride)",
        "الأدوية: المينوكسيديل (minoxidil) والفيناسترايد (finasteride)",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.exosomes",
        "Exosome injections",
        "حقن الإكسوسومات",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.what-it-is",
        "What it is",
        "التعريف",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.what-it-is.transplants",
        (
            "Invasive surgical procedure: Follicular Unit Extraction (FUE) or Follicular "
            "Unit Transplantation (FUT)"
        ),
        "إجراء جراحي تدخّلي: اقتطاف الوحدات البصيلية (FUE) أو زراعة الشريحة (FUT)",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.what-it-is.prp",
        (
            "The patient’s own blood, processed to concentrate the platelets and injected "
            "into the scalp"
        ),
        "دم المريض نفسه، يُعالَج لتركيز الصفائح الدموية فيه ويُحقن في فروة الرأس",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.what-it-is.medications",
        (
            "Minoxidil: an over-the-counter topical solution. Finasteride: a prescription "
            "oral medication"
        ),
        (
            "المينوكسيديل (minoxidil): محلول موضعي يُصرف دون وصفة طبية. الفيناسترايد "
            "(finasteride): دواء فموي يُصرف بوصفة طبية"
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.table.what-it-is.exosomes",
        "Non-surgical and minimally invasive injections",
        "حقن غير جراحية وطفيفة التوغّل",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.how-it-works",
        "How it works",
        "آلية العمل",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.how-it-works.transplants",
        (
            "Surgically relocates healthy hair follicles from a donor area (usually the "
            "back or sides of the scalp) to areas experiencing thinning or baldness"
        ),
        (
            "تنقل جراحيًا بصيلات شعر سليمة من منطقة مانحة (عادةً مؤخرة فروة الرأس أو "
            "جانباها) إلى المناطق التي تعاني من ترقّق الشعر أو الصلع"
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.table.how-it-works.prp",
        "Relies on the body’s existing healing factors; stimulates existing follicles",
        "تعتمد على عوامل الشفاء الموجودة أصلًا في الجسم؛ وتحفّز البصيلات الموجودة",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.how-it-works.medications",
        (
            "Primarily target hormonal pathways (finasteride inhibits the hormone DHT) or "
            "blood flow (minoxidil widens blood vessels)"
        ),
        (
            "تستهدف أساسًا المسارات الهرمونية، إذ يثبّط الفيناسترايد (finasteride) هرمون "
            "DHT، أو تدفّق الدم، إذ يوسّع المينوكسيديل (minoxidil) الأوعية الدموية"
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.table.how-it-works.exosomes",
        (
            "Work at a cellular level to stimulate follicles, aiming to rejuvenate "
            "existing follicles and promote new growth rather than relocating them"
        ),
        (
            "تعمل على المستوى الخلوي لتحفيز البصيلات، بهدف تجديد البصيلات الموجودة وتعزيز "
            "نمو شعر جديد بدلًا من نقلها"
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.table.pros",
        "Pros",
        "المزايا",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.pros.transplants",
        (
            "Permanent results, as the transplanted follicles are generally resistant to "
            "hair loss; can achieve significant density in balding areas"
        ),
        (
            "نتائج دائمة، لأن البصيلات المزروعة تكون عادةً مقاومة للتساقط؛ ويمكن أن تحقّق "
            "كثافة كبيرة في المناطق المصابة بالصلع"
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.table.pros.prp",
        (
            "Minimally invasive; uses the patient’s own blood; generally safe with minimal "
            "side effects"
        ),
        "طفيف التوغّل؛ يستخدم دم المريض نفسه؛ آمن بوجه عام مع آثار جانبية محدودة",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.pros.medications",
        "Convenient for at-home use; relatively affordable",
        "سهلة الاستخدام في المنزل؛ تكلفتها معقولة نسبيًا",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.pros.exosomes",
        "Virtually no downtime; can also be used in conjunction with transplants",
        "فترة تعافٍ شبه معدومة؛ ويمكن استخدامها أيضًا بالتزامن مع زراعة الشعر",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.cons",
        "Cons",
        "العيوب",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.cons.transplants",
        (
            "Longer recovery period; potential for scarring (especially with FUT); higher "
            "cost; not suitable for individuals with insufficient donor hair or extensive "
            "baldness"
        ),
        (
            "فترة تعافٍ أطول؛ احتمال حدوث ندبات، خاصةً مع زراعة الشريحة (FUT)؛ تكلفة أعلى؛ "
            "غير مناسبة لمن لديهم شعر مانح غير كافٍ أو صلع واسع"
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.table.cons.prp",
        "Results can vary; often requires multiple sessions",
        "قد تتفاوت النتائج؛ وغالبًا ما يتطلّب عدة جلسات",
    ),
    (
        "treatments-compared",
        "treatments-compared.table.cons.medications",
        (
            "Require continuous use to maintain results; can have side effects; may not be "
            "effective for advanced hair loss"
        ),
        (
            "تتطلّب الاستخدام المستمر للحفاظ على النتائج؛ وقد تكون لها آثار جانبية؛ وقد لا "
            "تكون فعّالة في حالات التساقط المتقدّمة"
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.table.cons.exosomes",
        "Best suited for early to moderate hair thinning",
        "الأنسب لحالات ترقّق الشعر المبكرة إلى المتوسطة",
    ),
    (
        "treatments-compared",
        "treatments-compared.transplants.heading",
        "Surgical hair transplants (FUE/FUT)",
        "زراعة الشعر الجراحية (FUE/FUT)",
    ),
    (
        "treatments-compared",
        "treatments-compared.transplants.text",
        (
            "Hair transplantation, primarily Follicular Unit Extraction (FUE) and "
            "Follicular Unit Transplantation (FUT), involves surgically relocating healthy "
            "hair follicles from a donor area (usually the back or sides of the scalp) to "
            "areas experiencing thinning or baldness."
        ),
        (
            "تتضمّن زراعة الشعر، وأبرز طرقها اقتطاف الوحدات البصيلية (FUE) وزراعة الشريحة "
            "(FUT)، نقل بصيلات شعر سليمة جراحيًا من منطقة مانحة (عادةً مؤخرة فروة الرأس أو "
            "جانباها) إلى المناطق التي تعاني من ترقّق الشعر أو الصلع."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.transplants.pros-and-cons-heading",
        "Pros and cons of transplants",
        "مزايا زراعة الشعر وعيوبها",
    ),
    (
        "treatments-compared",
        "treatments-compared.transplants.pros-heading",
        "Pros",
        "المزايا",
    ),
    (
        "treatments-compared",
        "treatments-compared.transplants.pros",
        (
            "Offers permanent results, as the transplanted follicles are generally "
            "resistant to hair loss."
        ),
        "تحقّق نتائج دائمة، لأن البصيلات المزروعة تكون عادةً مقاومة للتساقط.",
    ),
    (
        "treatments-compared",
        "treatments-compared.transplants.pros-2",
        "Can achieve significant density in balding areas.",
        "يمكن أن تحقّق كثافة كبيرة في المناطق المصابة بالصلع.",
    ),
    (
        "treatments-compared",
        "treatments-compared.transplants.cons-heading",
        "Cons",
        "العيوب",
    ),
    (
        "treatments-compared",
        "treatments-compared.transplants.cons",
        (
            "Invasive surgical procedure with a longer recovery period, potential for "
            "scarring (especially with FUT), and higher cost."
        ),
        (
            "إجراء جراحي تدخّلي يتطلّب فترة تعافٍ أطول، مع احتمال حدوث ندبات، خاصةً مع "
            "زراعة الشريحة (FUT)، وتكلفة أعلى."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.transplants.cons-2",
        ("Not suitable for individuals with insufficient donor hair or extensive baldness."),
        "غير مناسبة لمن لديهم شعر مانح غير كافٍ أو صلع واسع.",
    ),
    (
        "treatments-compared",
        "treatments-compared.transplants.cons-3",
        "Requires a skilled surgeon for natural-looking results.",
        "تتطلّب جرّاحًا ماهرًا للحصول على نتائج طبيعية المظهر.",
    ),
    (
        "treatments-compared",
        "treatments-compared.transplants.compared-heading",
        "Exosomes vs. transplants",
        "الإكسوسومات مقابل زراعة الشعر",
    ),
    (
        "treatments-compared",
        "treatments-compared.transplants.compared",
        (
            "Exosomes are non-surgical and minimally invasive, with virtually no downtime. "
            "They are best suited for early to moderate hair thinning, aiming to "
            "rejuvenate existing follicles and promote new growth rather than relocating "
            "them. They can also be used in conjunction with transplants to enhance graft "
            "survival and overall results."
        ),
        (
            "الإكسوسومات علاج غير جراحي وطفيف التوغّل، بلا فترة تعافٍ تُذكر تقريبًا. وهي "
            "الأنسب لحالات ترقّق الشعر المبكرة إلى المتوسطة، إذ تهدف إلى تجديد البصيلات "
            "الموجودة وتعزيز نمو شعر جديد بدلًا من نقلها. ويمكن استخدامها أيضًا بالتزامن "
            "مع زراعة الشعر لتعزيز بقاء البصيلات المزروعة وتحسين النتائج عمومًا."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.prp.heading",
        "Platelet-rich plasma (PRP) therapy",
        "العلاج بالبلازما الغنية بالصفائح الدموية (PRP)",
    ),
    (
        "treatments-compared",
        "treatments-compared.prp.text",
        (
            "PRP therapy involves drawing a patient’s blood, processing it to concentrate "
            "the platelets (which are rich in growth factors), and then injecting this "
            "concentrated plasma into the scalp."
        ),
        (
            "يتضمّن العلاج بالبلازما الغنية بالصفائح الدموية (PRP) سحب دم المريض، ومعالجته "
            "لتركيز الصفائح الدموية (الغنية بعوامل النمو)، ثم حقن هذه البلازما المركّزة في "
            "فروة الرأس."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.prp.pros-and-cons-heading",
        "Pros and cons of PRP",
        "مزايا البلازما الغنية بالصفائح الدموية (PRP) وعيوبها",
    ),
    (
        "treatments-compared",
        "treatments-compared.prp.pros-heading",
        "Pros",
        "المزايا",
    ),
    (
        "treatments-compared",
        "treatments-compared.prp.pros",
        ("Minimally invasive, uses the patient’s own blood, and stimulates existing follicles."),
        "طفيف التوغّل، ويستخدم دم المريض نفسه، ويحفّز البصيلات الموجودة.",
    ),
    (
        "treatments-compared",
        "treatments-compared.prp.pros-2",
        "Generally safe with minimal side effects.",
        "آمن بوجه عام مع آثار جانبية محدودة.",
    ),
    (
        "treatments-compared",
        "treatments-compared.prp.cons-heading",
        "Cons",
        "العيوب",
    ),
    (
        "treatments-compared",
        "treatments-compared.prp.cons",
        (
            "Results can vary, often requires multiple sessions, and may not be as potent "
            "as exosome therapy due to the less concentrated and diverse array of growth "
            "factors compared to exosomes derived from stem cells."
        ),
        (
            "قد تتفاوت النتائج، وغالبًا ما يتطلّب عدة جلسات، وقد لا يكون بقوة العلاج "
            "بالإكسوسومات، لأن عوامل النمو فيه أقل تركيزًا وتنوّعًا مقارنةً بالإكسوسومات "
            "المستخلصة من الخلايا الجذعية."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.prp.compared-heading",
        "Exosomes vs. PRP",
        "الإكسوسومات مقابل البلازما الغنية بالصفائح الدموية (PRP)",
    ),
    (
        "treatments-compared",
        "treatments-compared.prp.compared",
        (
            "Exosomes are considered more potent because they contain a wider and more "
            "concentrated array of specific growth factors, proteins, and genetic material "
            "specifically engineered by stem cells for regenerative purposes. While PRP "
            "relies on the body’s existing healing factors, exosomes deliver targeted, "
            "powerful regenerative signals."
        ),
        (
            "تُعدّ الإكسوسومات أقوى تأثيرًا لأنها تحتوي على مجموعة أوسع وأكثر تركيزًا من "
            "عوامل النمو والبروتينات والمواد الجينية المحدّدة، التي تُهيّئها الخلايا "
            "الجذعية خصيصًا لأغراض التجديد. وبينما تعتمد البلازما الغنية بالصفائح الدموية "
            "(PRP) على عوامل الشفاء الموجودة أصلًا في الجسم، توصل الإكسوسومات إشارات "
            "تجديدية قوية وموجّهة."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.medications.heading",
        "Topical and oral medications (minoxidil and finasteride)",
        ("الأدوية الموضعية والفموية: المينوكسيديل (minoxidil) والفيناسترايد (finasteride)"),
    ),
    (
        "treatments-compared",
        "treatments-compared.medications.text",
        (
            "Minoxidil (Rogaine) is an over-the-counter topical solution that promotes "
            "hair growth by widening blood vessels and extending the growth phase of hair "
            "follicles."
        ),
        (
            "المينوكسيديل (minoxidil)، المعروف تجاريًا باسم Rogaine، محلول موضعي يُصرف دون "
            "وصفة طبية، ويعزّز نمو الشعر عبر توسيع الأوعية الدموية وإطالة مرحلة النمو في "
            "بصيلات الشعر."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.medications.text-2",
        (
            "Finasteride (Propecia) is a prescription oral medication that inhibits the "
            "hormone DHT, a primary cause of male pattern baldness."
        ),
        (
            "الفيناسترايد (finasteride)، المعروف تجاريًا باسم Propecia، دواء فموي يُصرف "
            "بوصفة طبية، ويثبّط هرمون DHT، وهو سبب رئيسي للصلع الذكوري."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.medications.pros-and-cons-heading",
        "Pros and cons of medications",
        "مزايا الأدوية وعيوبها",
    ),
    (
        "treatments-compared",
        "treatments-compared.medications.pros-heading",
        "Pros",
        "المزايا",
    ),
    (
        "treatments-compared",
        "treatments-compared.medications.pros",
        (
            "Convenient for at-home use, relatively affordable, and proven effective for "
            "many individuals."
        ),
        ("سهلة الاستخدام في المنزل، وتكلفتها معقولة نسبيًا، وقد ثبتت فعاليتها لدى كثير من الأشخاص."),
    ),
    (
        "treatments-compared",
        "treatments-compared.medications.cons-heading",
        "Cons",
        "العيوب",
    ),
    (
        "treatments-compared",
        "treatments-compared.medications.cons",
        (
            "Require continuous use to maintain results, can have side effects (e.g., "
            "scalp irritation with minoxidil, sexual side effects with finasteride), and "
            "may not be effective for advanced hair loss."
        ),
        (
            "تتطلّب الاستخدام المستمر للحفاظ على النتائج، وقد تكون لها آثار جانبية، مثل "
            "تهيّج فروة الرأس مع المينوكسيديل (minoxidil) وآثار جانبية جنسية مع "
            "الفيناسترايد (finasteride)، وقد لا تكون فعّالة في حالات التساقط المتقدّمة."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.medications.compared-heading",
        "Exosomes vs. medications",
        "الإكسوسومات مقابل الأدوية",
    ),
    (
        "treatments-compared",
        "treatments-compared.medications.compared",
        (
            "Exosomes offer a more intensive, direct, and potentially longer-lasting "
            "regenerative approach compared to the ongoing management required by topical "
            "and oral medications. Exosomes work at a cellular level to stimulate "
            "follicles, while medications primarily target hormonal pathways or blood flow."
        ),
        (
            "تقدّم الإكسوسومات نهجًا تجديديًا أكثر تكثيفًا ومباشرةً، وربما أطول أثرًا، "
            "مقارنةً بالتدبير العلاجي المستمر الذي تتطلّبه الأدوية الموضعية والفموية. "
            "فالإكسوسومات تعمل على المستوى الخلوي لتحفيز البصيلات، بينما تستهدف الأدوية "
            "أساسًا المسارات الهرمونية أو تدفّق الدم."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.summary.heading",
        "In summary",
        "الخلاصة",
    ),
    (
        "treatments-compared",
        "treatments-compared.summary.text",
        (
            "In summary, exosome injections offer a compelling alternative, particularly "
            "for those seeking a non-surgical, natural, and highly effective way to combat "
            "hair loss in its earlier stages or to complement other treatments. They stand "
            "out for their advanced regenerative capabilities and minimal invasiveness."
        ),
        (
            "وخلاصة القول، تقدّم حقن الإكسوسومات بديلًا مقنعًا، لا سيما لمن يبحثون عن "
            "وسيلة غير جراحية وطبيعية وعالية الفعالية لمكافحة تساقط الشعر في مراحله "
            "المبكرة أو لاستكمال علاجات أخرى. وتتميّز بقدراتها التجديدية المتقدمة وبأنها "
            "طفيفة التوغّل."
        ),
    ),
    (
        "treatments-compared",
        "treatments-compared.next",
        "Next: what happens during the procedure",
        "التالي: ما يحدث أثناء الإجراء",
    ),
    # procedure
    (
        "procedure",
        "procedure.meta.title",
        "The exosome injection procedure, aftercare and results",
        "إجراء حقن الإكسوسومات والرعاية اللاحقة والنتائج",
    ),
    (
        "procedure",
        "procedure.meta.description",
        (
            "The exosome injection procedure step by step, from consultation and "
            "preparation to the injections, plus aftercare and when changes typically "
            "become visible."
        ),
        (
            "إجراء حقن الإكسوسومات خطوةً بخطوة، من الاستشارة والتحضير إلى الحقن، إضافةً "
            "إلى الرعاية اللاحقة ومتى تظهر التغيّرات عادةً."
        ),
    ),
    (
        "procedure",
        "procedure.title",
        "The exosome injection procedure",
        "إجراء حقن الإكسوسومات",
    ),
    (
        "procedure",
        "procedure.lede",
        (
            "The exosome injection procedure is a streamlined and patient-friendly process "
            "designed for maximum comfort and efficacy. Understanding each step can help "
            "alleviate any anxieties and set realistic expectations."
        ),
        (
            "يمضي إجراء حقن الإكسوسومات بخطوات سلسة ومريحة للمريض، صُمّمت لتحقيق أقصى قدر "
            "من الراحة والفعالية. ويمكن أن يساعد فهم كل خطوة على تخفيف أي قلق ووضع توقعات "
            "واقعية."
        ),
    ),
    (
        "procedure",
        "procedure.steps.heading",
        "Step by step",
        "خطوةً بخطوة",
    ),
    (
        "procedure",
        "procedure.steps.consultation-heading",
        "Initial consultation and assessment",
        "الاستشارة الأولية والتقييم",
    ),
    (
        "procedure",
        "procedure.steps.consultation",
        (
            "The journey begins with a thorough consultation. This is a critical phase "
            "where a hair restoration specialist evaluates your specific type and extent "
            "of hair loss, medical history, and suitability for exosome therapy. This "
            "includes a detailed examination of your scalp health and hair follicle "
            "activity."
        ),
        (
            "تبدأ الرحلة باستشارة شاملة. وهي مرحلة بالغة الأهمية يقيّم فيها أخصائي استعادة "
            "الشعر نوع تساقط الشعر لديك ومداه، وتاريخك الطبي، ومدى ملاءمة العلاج "
            "بالإكسوسومات لك. ويشمل ذلك فحصًا مفصّلًا لصحة فروة رأسك ونشاط بصيلات شعرك."
        ),
    ),
    (
        "procedure",
        "procedure.steps.consultation-2",
        (
            "The specialist will also discuss expected outcomes, the number of sessions "
            "likely required, and answer any questions you may have. This ensures a "
            "personalized treatment plan tailored to your needs."
        ),
        (
            "وسيناقش الأخصائي معك أيضًا النتائج المتوقعة وعدد الجلسات التي يُرجّح أن تحتاج "
            "إليها، ويجيب عن أي أسئلة لديك. ويضمن ذلك وضع خطة علاج شخصية مصمّمة وفق "
            "احتياجاتك."
        ),
    ),
    (
        "procedure",
        "procedure.steps.preparation-heading",
        "Pre-procedure preparation",
        "التحضير قبل الإجراء",
    ),
    (
        "procedure",
        "procedure.steps.preparation",
        (
            "Once you’re deemed a suitable candidate, specific pre-procedure instructions "
            "will be provided. These typically involve avoiding certain medications that "
            "can increase bleeding, such as NSAIDs (aspirin, ibuprofen) and blood "
            "thinners, for at least a week before the treatment."
        ),
        (
            "بعد التأكد من أن العلاج مناسب لك، ستحصل على تعليمات محددة لما قبل الإجراء. "
            "وتشمل عادةً تجنّب بعض الأدوية التي قد تزيد النزيف، مثل مضادات الالتهاب غير "
            "الستيرويدية (الأسبرين والإيبوبروفين) ومميّعات الدم، لمدة أسبوع على الأقل قبل "
            "العلاج."
        ),
    ),
    (
        "procedure",
        "procedure.steps.preparation-2",
        (
            "Alcohol consumption and smoking should also be minimized or ideally avoided, "
            "as they can impair healing and affect overall results. Staying well-hydrated "
            "in the days leading up to the appointment is also recommended, contributing "
            "to overall tissue health. It’s advisable to wash your hair thoroughly on the "
            "day of the procedure to ensure a clean scalp."
        ),
        (
            "كما ينبغي الإقلال من تناول الكحول والتدخين، والأفضل تجنّبهما تمامًا، إذ قد "
            "يعيقان الالتئام ويؤثران في النتائج عمومًا. ويُنصح أيضًا بشرب كمية كافية من "
            "السوائل في الأيام التي تسبق الموعد، إذ يسهم ذلك في صحة الأنسجة عمومًا. ومن "
            "المستحسن غسل شعرك جيدًا يوم الإجراء لضمان نظافة فروة الرأس."
        ),
    ),
    (
        "procedure",
        "procedure.steps.solution-heading",
        "Exosome solution preparation",
        "تحضير محلول الإكسوسومات",
    ),
    (
        "procedure",
        "procedure.steps.solution",
        (
            "On the day of the procedure, the exosome solution is carefully prepared. The "
            "exosomes used in these treatments are typically derived from ethically "
            "sourced, rigorously screened, and quality-controlled mesenchymal stem cell "
            "lines. These cells are cultured in specialized laboratory environments to "
            "produce a highly concentrated and pure exosome product."
        ),
        (
            "في يوم الإجراء، يُحضَّر محلول الإكسوسومات بعناية. وعادةً ما تُستخلص "
            "الإكسوسومات المستخدمة في هذه العلاجات من سلالات خلايا جذعية وسيطة يُحصل عليها "
            "وفق معايير أخلاقية، وتخضع لفحص دقيق ولرقابة على الجودة. وتُزرع هذه الخلايا في "
            "بيئات مخبرية متخصصة لإنتاج مستحضر إكسوسومات عالي التركيز والنقاء."
        ),
    ),
    (
        "procedure",
        "procedure.steps.solution-2",
        (
            "The quality and source of exosomes are paramount to the success and safety of "
            "the treatment. The solution is prepared in a sterile environment to prevent "
            "contamination."
        ),
        (
            "تُعدّ جودة الإكسوسومات ومصدرها عاملين بالغي الأهمية لنجاح العلاج وسلامته. "
            "ويُحضَّر المحلول في بيئة معقّمة لمنع التلوث."
        ),
    ),
    (
        "procedure",
        "procedure.steps.numbing-heading",
        "Scalp anesthetization",
        "تخدير فروة الرأس",
    ),
    (
        "procedure",
        "procedure.steps.numbing",
        (
            "Before the injections begin, the treatment area on your scalp will be "
            "thoroughly cleansed. A topical numbing cream or local anesthetic injections "
            "will then be applied to ensure your comfort throughout the procedure."
        ),
        (
            "قبل بدء الحقن، تُنظَّف منطقة العلاج في فروة رأسك جيدًا. ثم يُستخدم كريم مخدّر "
            "موضعي أو حقن تخدير موضعي لضمان راحتك طوال الإجراء."
        ),
    ),
    (
        "procedure",
        "procedure.steps.numbing-2",
        (
            "While the injections themselves are generally well-tolerated, this step "
            "significantly minimizes any potential discomfort or pain. The numbing agent "
            "typically takes about 15–20 minutes to take full effect."
        ),
        (
            "ومع أن المرضى يتحمّلون الحقن نفسها جيدًا بوجه عام، فإن هذه الخطوة تقلل كثيرًا "
            "من أي انزعاج أو ألم محتمل. ويستغرق المخدّر عادةً من 15 إلى 20 دقيقة تقريبًا "
            "ليبلغ مفعوله الكامل."
        ),
    ),
    (
        "procedure",
        "procedure.steps.injections-heading",
        "Exosome injections",
        "حقن الإكسوسومات",
    ),
    (
        "procedure",
        "procedure.steps.injections",
        (
            "With the scalp adequately numbed, the specialist will begin injecting the "
            "exosome solution directly into the areas of thinning hair or baldness. This "
            "is typically done using very fine needles to ensure precision and minimize "
            "trauma to the scalp."
        ),
        (
            "بعد تخدير فروة الرأس بالقدر الكافي، يبدأ الأخصائي بحقن محلول الإكسوسومات "
            "مباشرةً في مناطق ترقّق الشعر أو الصلع. ويجري ذلك عادةً باستخدام إبر دقيقة "
            "جدًا لضمان الدقة وتقليل الضرر الواقع على فروة الرأس إلى أدنى حد."
        ),
    ),
    (
        "procedure",
        "procedure.steps.injections-2",
        (
            "The injections are administered strategically across the affected areas, "
            "ensuring even distribution of the exosomes to stimulate as many dormant or "
            "weakened follicles as possible. The specialist may use a specific pattern or "
            "technique to optimize coverage. The process is relatively quick, usually "
            "lasting between 30 to 60 minutes, depending on the size of the treatment area."
        ),
        (
            "تُعطى الحقن وفق توزيع مدروس على المناطق المتأثرة، بما يضمن انتشار الإكسوسومات "
            "بالتساوي لتحفيز أكبر عدد ممكن من البصيلات الخاملة أو الضعيفة. وقد يستخدم "
            "الأخصائي نمطًا أو تقنية معينة لتحقيق أفضل تغطية. والجلسة سريعة نسبيًا، إذ "
            "تستغرق عادةً ما بين 30 و60 دقيقة، بحسب مساحة منطقة العلاج."
        ),
    ),
    (
        "procedure",
        "procedure.steps.post-injection-heading",
        "Post-injection care",
        "الرعاية بعد الحقن",
    ),
    (
        "procedure",
        "procedure.steps.post-injection",
        (
            "Once the injections are complete, the treated area may be gently massaged or "
            "a soothing serum applied. You will receive detailed post-procedure "
            "instructions, which typically include avoiding washing your hair for 24–48 "
            "hours, refraining from strenuous exercise, direct sun exposure, and excessive "
            "scalp manipulation for a few days."
        ),
        (
            "بعد الانتهاء من الحقن، قد تُدلَّك المنطقة المعالَجة بلطف أو يوضع عليها سيروم "
            "مهدّئ. وستحصل على تعليمات مفصّلة لما بعد الإجراء، تشمل عادةً تجنّب غسل شعرك "
            "لمدة 24 إلى 48 ساعة، والامتناع لبضعة أيام عن التمارين الشاقة والتعرض المباشر "
            "للشمس والإفراط في لمس فروة الرأس أو العبث بها."
        ),
    ),
    (
        "procedure",
        "procedure.steps.post-injection-2",
        (
            "Mild redness, tenderness, or swelling at the injection sites are common but "
            "temporary side effects that usually resolve within a day or two. Following "
            "these guidelines is crucial for optimal results and to prevent any "
            "complications."
        ),
        (
            "يُعدّ الاحمرار الخفيف أو الألم عند اللمس أو التورّم في مواضع الحقن آثارًا "
            "جانبية شائعة لكنها مؤقتة، وعادةً ما تزول خلال يوم أو يومين. والالتزام بهذه "
            "الإرشادات أمر بالغ الأهمية للحصول على أفضل النتائج وتجنّب أي مضاعفات."
        ),
    ),
    (
        "procedure",
        "procedure.steps.closing",
        (
            "The entire process is designed to be as efficient and comfortable as "
            "possible, allowing patients to resume their regular activities with minimal "
            "disruption."
        ),
        (
            "صُمّم الإجراء بأكمله ليكون على أعلى قدر ممكن من الكفاءة والراحة، بما يتيح "
            "للمرضى استئناف أنشطتهم المعتادة بأقل قدر من الانقطاع."
        ),
    ),
    (
        "procedure",
        "procedure.aftercare.heading",
        "Aftercare",
        "الرعاية اللاحقة",
    ),
    (
        "procedure",
        "procedure.aftercare.text",
        (
            "The success of exosome hair restoration isn’t solely dependent on the "
            "procedure itself; proper post-procedure care plays a pivotal role in "
            "optimizing results and ensuring a smooth recovery. Adhering to your "
            "specialist’s instructions is crucial."
        ),
        (
            "لا يعتمد نجاح استعادة الشعر بالإكسوسومات على الإجراء نفسه فحسب؛ إذ تؤدي "
            "الرعاية السليمة بعد الإجراء دورًا محوريًا في تحسين النتائج وضمان تعافٍ سلس. "
            "والالتزام بتعليمات الأخصائي أمر بالغ الأهمية."
        ),
    ),
    (
        "procedure",
        "procedure.aftercare.first-days-heading",
        "Immediate post-procedure",
        "مباشرةً بعد الإجراء",
    ),
    (
        "procedure",
        "procedure.aftercare.first-days",
        (
            "For the first 24–48 hours, it’s essential to treat your scalp gently. Avoid "
            "washing your hair during this period to allow the exosome solution to fully "
            "absorb and to minimize any irritation at the injection sites. Refrain from "
            "touching, scratching, or rubbing your scalp vigorously."
        ),
        (
            "خلال أول 24 إلى 48 ساعة، من الضروري التعامل مع فروة رأسك بلطف. تجنّب غسل شعرك "
            "خلال هذه الفترة لإتاحة امتصاص محلول الإكسوسومات بالكامل وللحد من أي تهيّج في "
            "مواضع الحقن. وامتنع عن لمس فروة رأسك أو حكّها أو فركها بقوة."
        ),
    ),
    (
        "procedure",
        "procedure.aftercare.first-days-2",
        (
            "Strenuous activities, heavy sweating, and direct sun exposure should also be "
            "avoided, as these can increase blood flow to the scalp and potentially dilute "
            "the exosome concentration or lead to irritation. If you experience mild "
            "tenderness or redness, this is normal and usually subsides quickly. Cold "
            "compresses can be gently applied if needed to reduce any swelling."
        ),
        (
            "ويجب أيضًا تجنّب الأنشطة الشاقة والتعرّق الشديد والتعرّض المباشر لأشعة الشمس، "
            "إذ قد تزيد هذه الأمور تدفّق الدم إلى فروة الرأس، وربما تُخفّف تركيز "
            "الإكسوسومات أو تؤدي إلى تهيّج. وإذا ظهر إيلام خفيف عند اللمس أو احمرار، فهذا "
            "أمر طبيعي ويزول عادةً سريعًا. ويمكن عند الحاجة وضع كمّادات باردة برفق لتخفيف "
            "أي تورّم."
        ),
    ),
    (
        "procedure",
        "procedure.aftercare.long-term-heading",
        "Long-term care and maintenance",
        "الرعاية والمحافظة على المدى الطويل",
    ),
    (
        "procedure",
        "procedure.aftercare.long-term",
        (
            "While exosome therapy is highly effective, ongoing care and potential "
            "follow-up treatments can significantly enhance and prolong your results."
        ),
        (
            "مع أن العلاج بالإكسوسومات فعّال للغاية، فإن الرعاية المستمرة والعلاجات "
            "اللاحقة المحتملة يمكن أن تعزّز نتائجك بدرجة كبيرة وتطيل أمدها."
        ),
    ),
    (
        "procedure",
        "procedure.aftercare.gentle-hair-care",
        (
            "<strong>Gentle hair care:</strong> Once you resume washing your hair, use "
            "mild, sulfate-free shampoos and conditioners. Avoid harsh chemical "
            "treatments, excessive heat styling (blow dryers, curling irons), and tight "
            "hairstyles that can put stress on hair follicles."
        ),
        (
            "<strong>العناية اللطيفة بالشعر:</strong> عند العودة إلى غسل الشعر، يُنصح "
            "باستخدام أنواع لطيفة من الشامبو والبلسم خالية من الكبريتات. ويُستحسن تجنّب "
            "العلاجات الكيميائية القاسية، والإفراط في تصفيف الشعر بالحرارة (مجفّفات الشعر "
            "ومكواة التجعيد)، وتسريحات الشعر المشدودة التي قد تُجهِد بصيلات الشعر."
        ),
    ),
    (
        "procedure",
        "procedure.aftercare.healthy-lifestyle",
        (
            "<strong>Healthy lifestyle:</strong> A balanced diet rich in vitamins and "
            "minerals essential for hair health (e.g., biotin, zinc, iron, vitamins A, C, "
            "D, E) is highly recommended. Adequate hydration, managing stress, and getting "
            "sufficient sleep also contribute to overall scalp and hair vitality."
        ),
        (
            "<strong>نمط حياة صحي:</strong> يُنصح بشدة باتباع نظام غذائي متوازن غني "
            "بالفيتامينات والمعادن الضرورية لصحة الشعر (مثل البيوتين والزنك والحديد "
            "والفيتامينات أ وسي ود وإي). كما يُسهم الترطيب الكافي للجسم، والتحكّم في "
            "التوتر، والحصول على قسط كافٍ من النوم في حيوية فروة الرأس والشعر عمومًا."
        ),
    ),
    (
        "procedure",
        "procedure.aftercare.follow-up-sessions",
        (
            "<strong>Follow-up sessions:</strong> Your specialist will likely recommend a "
            "series of follow-up sessions. While significant improvements can be seen "
            "after a single treatment, multiple sessions, often spaced several months "
            "apart, can provide cumulative benefits and lead to more dramatic and "
            "sustained results. The exact number and frequency will depend on your "
            "individual response and the extent of your hair loss."
        ),
        (
            "<strong>جلسات المتابعة:</strong> من المرجّح أن يوصي الأخصائي المتابع لحالتك "
            "بسلسلة من جلسات المتابعة. فمع أنه يمكن ملاحظة تحسّن ملموس بعد جلسة علاجية "
            "واحدة، فإن تعدّد الجلسات، التي غالبًا ما تفصل بينها عدة أشهر، يمكن أن يحقّق "
            "فوائد تراكمية ويؤدي إلى نتائج أوضح وأطول أمدًا. ويتوقّف العدد الدقيق للجلسات "
            "وتواترها على استجابتك الفردية ومدى تساقط الشعر لديك."
        ),
    ),
    (
        "procedure",
        "procedure.aftercare.complementary-treatments",
        (
            "<strong>Complementary treatments:</strong> In some cases, your doctor might "
            "suggest combining exosome therapy with other treatments, such as low-level "
            "laser therapy (LLLT) or specific topical solutions, to further enhance hair "
            "growth and maintain scalp health."
        ),
        (
            "<strong>العلاجات المكمّلة:</strong> في بعض الحالات، قد يقترح طبيبك الجمع بين "
            "العلاج بالإكسوسومات وعلاجات أخرى، مثل العلاج بالليزر منخفض الشدة (LLLT) أو "
            "محاليل موضعية معيّنة، لتعزيز نمو الشعر بدرجة أكبر والحفاظ على صحة فروة الرأس."
        ),
    ),
    (
        "procedure",
        "procedure.timeline.heading",
        "Results timeline",
        "الجدول الزمني للنتائج",
    ),
    (
        "procedure",
        "procedure.timeline.text",
        (
            "<strong>Patience is key:</strong> Hair growth is a slow process. While some "
            "patients may notice improvements in scalp health and reduced shedding "
            "relatively quickly, visible changes in hair thickness and density typically "
            "become apparent within 3–6 months. The full benefits often continue to "
            "develop over 12 months as the hair growth cycle progresses."
        ),
        (
            "<strong>الصبر هو الأساس:</strong> نمو الشعر عملية بطيئة. فمع أن بعض المرضى قد "
            "يلاحظون تحسّنًا في صحة فروة الرأس وانخفاضًا في تساقط الشعر خلال وقت قصير "
            "نسبيًا، فإن التغيّرات الظاهرة في سماكة الشعر وكثافته تتّضح عادةً خلال فترة "
            "تتراوح بين 3 و6 أشهر. وغالبًا ما تستمر الفوائد الكاملة في الظهور على مدى 12 "
            "شهرًا مع تقدّم دورة نمو الشعر."
        ),
    ),
    (
        "procedure",
        "procedure.timeline.relatively-quickly",
        (
            "<strong>Relatively quickly</strong> Some patients may notice improvements in "
            "scalp health and reduced shedding."
        ),
        (
            "<strong>خلال وقت قصير نسبيًا</strong> قد يلاحظ بعض المرضى تحسّنًا في صحة فروة "
            "الرأس وانخفاضًا في تساقط الشعر."
        ),
    ),
    (
        "procedure",
        "procedure.timeline.three-to-six-months",
        (
            "<strong>3–6 months</strong> Visible changes in hair thickness and density "
            "typically become apparent."
        ),
        ("<strong>من 3 إلى 6 أشهر</strong> تتّضح عادةً تغيّرات ظاهرة في سماكة الشعر وكثافته."),
    ),
    (
        "procedure",
        "procedure.timeline.over-12-months",
        (
            "<strong>Over 12 months</strong> The full benefits often continue to develop "
            "as the hair growth cycle progresses."
        ),
        (
            "<strong>على مدى 12 شهرًا</strong> غالبًا ما تستمر الفوائد الكاملة في الظهور "
            "مع تقدّم دورة نمو الشعر."
        ),
    ),
    (
        "procedure",
        "procedure.timeline.photos",
        (
            "Documenting your progress with photos can be a helpful way to track your "
            "improvements over time."
        ),
        "قد يكون توثيق تقدّمك بالصور وسيلة مفيدة لمتابعة التحسّن مع مرور الوقت.",
    ),
    (
        "procedure",
        "procedure.timeline.closing",
        (
            "By diligently following post-procedure guidelines and adopting a holistic "
            "approach to hair health, you can maximize the regenerative potential of "
            "exosome therapy and enjoy lasting improvements in your hair’s appearance and "
            "health."
        ),
        (
            "من خلال الالتزام الدقيق بإرشادات ما بعد الإجراء واتباع نهج شامل للعناية بصحة "
            "الشعر، يمكنك تحقيق أقصى استفادة من الإمكانات التجديدية للعلاج بالإكسوسومات، "
            "والاستمتاع بتحسّن يدوم طويلًا في مظهر شعرك وصحته."
        ),
    ),
    (
        "procedure",
        "procedure.next",
        "Next: cost, safety and what the future holds",
        "التالي: التكلفة والسلامة وآفاق المستقبل",
    ),
    # cost-and-safety
    (
        "cost-and-safety",
        "cost-and-safety.meta.title",
        "Exosome hair restoration: cost, safety and the future",
        "استعادة الشعر بالإكسوسومات: التكلفة والسلامة والمستقبل",
    ),
    (
        "cost-and-safety",
        "cost-and-safety.meta.description",
        (
            "What affects the cost of exosome hair restoration, why the therapy is "
            "generally considered safe, what to ask a clinic, and where the research is "
            "heading."
        ),
        (
            "ما الذي يؤثر في تكلفة استعادة الشعر بالإكسوسومات، ولماذا يُعدّ العلاج آمنًا "
            "عمومًا، وما الأسئلة التي تطرحها على العيادة، وإلى أين تتجه الأبحاث."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.title",
        "Cost, safety and the future of exosome therapy",
        "التكلفة والسلامة ومستقبل العلاج بالإكسوسومات",
    ),
    (
        "cost-and-safety",
        "cost-and-safety.lede",
        (
            "As with any advanced medical procedure, understanding the cost, safety "
            "profile, and the ongoing advancements in the field of exosome hair "
            "restoration is crucial for informed decision-making."
        ),
        (
            "كما هو الحال مع أي إجراء طبي متقدّم، فإن فهم التكلفة وملف السلامة والتطورات "
            "المستمرة في مجال استعادة الشعر بالإكسوسومات أمر ضروري لاتخاذ قرار مستنير."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.cost.heading",
        "Cost considerations",
        "اعتبارات التكلفة",
    ),
    (
        "cost-and-safety",
        "cost-and-safety.cost.text",
        (
            "The cost of exosome hair restoration can vary significantly based on several "
            "factors, including:"
        ),
        ("يمكن أن تختلف تكلفة استعادة الشعر بالإكسوسومات اختلافًا كبيرًا بحسب عدة عوامل، منها:"),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.cost.geographic-location",
        (
            "<strong>Geographic location:</strong> Prices can differ between cities and "
            "countries due to varying overheads and market demand."
        ),
        (
            "<strong>الموقع الجغرافي:</strong> يمكن أن تختلف الأسعار بين المدن والدول بسبب "
            "تفاوت التكاليف التشغيلية والطلب في السوق."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.cost.clinic-reputation",
        (
            "<strong>Clinic reputation and specialist experience:</strong> Highly "
            "reputable clinics and experienced specialists may charge more for their "
            "expertise."
        ),
        (
            "<strong>سمعة العيادة وخبرة الأخصائي:</strong> قد تتقاضى العيادات ذات السمعة "
            "العالية والأخصائيون ذوو الخبرة أجورًا أعلى مقابل خبرتهم."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.cost.number-of-sessions",
        (
            "<strong>Number of sessions required:</strong> While some patients may see "
            "results with a single session, many benefit from a series of treatments, "
            "which will naturally increase the overall cost."
        ),
        (
            "<strong>عدد الجلسات المطلوبة:</strong> مع أن بعض المرضى قد يلاحظون نتائج بعد "
            "جلسة واحدة، فإن كثيرين يستفيدون من سلسلة من الجلسات العلاجية، وهو ما يزيد "
            "التكلفة الإجمالية بطبيعة الحال."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.cost.extent-of-hair-loss",
        (
            "<strong>Extent of hair loss:</strong> Larger areas requiring treatment or "
            "more severe hair loss may necessitate more exosomes, impacting the price."
        ),
        (
            "<strong>مدى تساقط الشعر:</strong> قد تتطلب المساحات الأكبر التي تحتاج إلى "
            "علاج، أو تساقط الشعر الأشد، كميةً أكبر من الإكسوسومات، مما يؤثر في السعر."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.cost.product-quality",
        (
            "<strong>Exosome product quality:</strong> The source and processing of the "
            "exosome product can also influence the cost, with premium, highly purified "
            "products typically being more expensive."
        ),
        (
            "<strong>جودة مستحضر الإكسوسومات:</strong> يمكن أن يؤثر مصدر مستحضر "
            "الإكسوسومات وطريقة معالجته في التكلفة أيضًا، إذ تكون المستحضرات عالية الجودة "
            "والنقاء أغلى ثمنًا عادةً."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.cost.text-2",
        (
            "It’s important to have a clear discussion about the total cost during your "
            "initial consultation, including any potential follow-up sessions or "
            "maintenance treatments. While exosome therapy may represent a significant "
            "investment, many view it as a worthwhile one given its non-invasive nature "
            "and regenerative potential."
        ),
        (
            "من المهم أن تناقش التكلفة الإجمالية بوضوح خلال استشارتك الأولى، بما في ذلك أي "
            "جلسات متابعة أو علاجات للمحافظة على النتائج قد تحتاج إليها. ومع أن العلاج "
            "بالإكسوسومات قد يمثّل استثمارًا كبيرًا، فإن كثيرين يرونه استثمارًا مجديًا "
            "نظرًا لطبيعته غير الجراحية وإمكاناته التجديدية."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.safety.heading",
        "Safety profile",
        "ملف السلامة",
    ),
    (
        "cost-and-safety",
        "cost-and-safety.safety.text",
        (
            "Exosome therapy is generally considered safe, primarily because exosomes are "
            "acellular (they do not contain living cells) and are derived from carefully "
            "screened and controlled sources. This significantly reduces the risk of "
            "adverse immune reactions or disease transmission associated with direct cell "
            "transplantation."
        ),
        (
            "يُعدّ العلاج بالإكسوسومات آمنًا بوجه عام، ويرجع ذلك أساسًا إلى أن الإكسوسومات "
            "غير خلوية (أي لا تحتوي على خلايا حية)، وتُستخلص من مصادر خاضعة لفحص دقيق "
            "ورقابة محكمة. ويقلل ذلك كثيرًا من خطر التفاعلات المناعية الضارة أو انتقال "
            "الأمراض المرتبطَين بزراعة الخلايا المباشرة."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.safety.minimal-side-effects",
        (
            "<strong>Minimal side effects:</strong> The most common side effects are mild "
            "and temporary, including redness, tenderness, and slight swelling at the "
            "injection sites, which typically resolve within a day or two."
        ),
        (
            "<strong>آثار جانبية محدودة:</strong> الآثار الجانبية الأكثر شيوعًا خفيفة "
            "ومؤقتة، ومنها الاحمرار والألم عند اللمس وتورّم طفيف في مواضع الحقن، وعادةً ما "
            "تزول خلال يوم أو يومين."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.safety.sterile-procedure",
        (
            "<strong>Sterile procedure:</strong> The procedure is performed in a sterile "
            "clinical environment, minimizing the risk of infection."
        ),
        (
            "<strong>إجراء معقّم:</strong> يُجرى الإجراء في بيئة سريرية معقّمة، مما يقلل "
            "خطر العدوى إلى أدنى حد."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.safety.source-material",
        (
            "<strong>Source material:</strong> Reputable clinics utilize exosomes derived "
            "from ethically sourced and extensively tested mesenchymal stem cells, often "
            "from umbilical cord tissue or Wharton’s Jelly, which are known for their "
            "immunoprivileged properties, meaning they are less likely to provoke an "
            "immune response."
        ),
        (
            "<strong>المادة المصدر:</strong> تستخدم العيادات الموثوقة إكسوسومات مستخلصة من "
            "خلايا جذعية وسيطة جرى الحصول عليها وفق المعايير الأخلاقية وخضعت لاختبارات "
            "مكثفة، وغالبًا ما تكون من نسيج الحبل السري أو هلام وارتون، المعروفَين بخاصية "
            "الامتياز المناعي، أي أنهما أقل عرضة لإثارة استجابة مناعية."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.safety.regulation",
        (
            "<strong>Regulation:</strong> While the field is rapidly evolving, it’s "
            "crucial to choose a clinic that adheres to strict safety protocols and uses "
            "exosome products that meet regulatory standards for purity and potency. "
            "Always inquire about the source and processing of the exosomes used."
        ),
        (
            "<strong>التنظيم والرقابة:</strong> مع أن هذا المجال يتطور بسرعة، فمن الضروري "
            "اختيار عيادة تلتزم ببروتوكولات سلامة صارمة وتستخدم مستحضرات إكسوسومات تستوفي "
            "المعايير التنظيمية للنقاء والفعالية. احرص دائمًا على السؤال عن مصدر "
            "الإكسوسومات المستخدمة وطريقة معالجتها."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.future.heading",
        "The future of exosome hair restoration",
        "مستقبل استعادة الشعر بالإكسوسومات",
    ),
    (
        "cost-and-safety",
        "cost-and-safety.future.text",
        (
            "The field of regenerative medicine is progressing at an astounding pace, and "
            "exosome therapy for hair restoration is at the forefront of these "
            "advancements."
        ),
        (
            "يتقدم مجال الطب التجديدي بوتيرة مذهلة، ويأتي العلاج بالإكسوسومات لاستعادة "
            "الشعر في طليعة هذه التطورات."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.future.enhanced-efficacy",
        (
            "<strong>Enhanced efficacy:</strong> Ongoing research is focused on "
            "identifying and optimizing the specific exosome cargo (growth factors, "
            "miRNAs) that are most effective for hair follicle regeneration, potentially "
            "leading to even more potent treatments in the future."
        ),
        (
            "<strong>فعالية معزّزة:</strong> تركّز الأبحاث الجارية على تحديد مكوّنات حمولة "
            "الإكسوسومات (عوامل النمو وجزيئات miRNA) الأكثر فعالية في تجديد بصيلات الشعر "
            "وتحسينها، مما قد يؤدي إلى علاجات أقوى تأثيرًا في المستقبل."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.future.targeted-delivery",
        (
            "<strong>Targeted delivery:</strong> Innovations in delivery methods, such as "
            "microneedling combined with exosome application or even topical exosome "
            "formulations, are being explored to enhance penetration and efficacy."
        ),
        (
            "<strong>إيصال موجَّه:</strong> تُدرَس حاليًا ابتكارات في طرق الإيصال، مثل "
            "الوخز بالإبر الدقيقة مع تطبيق الإكسوسومات، أو حتى مستحضرات الإكسوسومات "
            "الموضعية، بهدف تعزيز النفاذ والفعالية."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.future.personalized-medicine",
        (
            "<strong>Personalized medicine:</strong> As our understanding of individual "
            "genetic predispositions to hair loss grows, there may be future possibilities "
            "for highly personalized exosome treatments tailored to an individual’s unique "
            "biological needs."
        ),
        (
            "<strong>الطب المخصّص:</strong> مع تنامي فهمنا للاستعداد الوراثي الفردي لتساقط "
            "الشعر، قد تتاح مستقبلًا إمكانية تقديم علاجات بالإكسوسومات مخصّصة بدرجة عالية "
            "تلائم الاحتياجات البيولوجية الفريدة لكل فرد."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.future.broader-applications",
        (
            "<strong>Broader applications:</strong> Beyond hair loss, exosomes are being "
            "investigated for a wide range of regenerative applications, including skin "
            "rejuvenation, wound healing, and treatment of various inflammatory "
            "conditions, which could further refine their use in dermatology."
        ),
        (
            "<strong>تطبيقات أوسع:</strong> إلى جانب تساقط الشعر، تخضع الإكسوسومات للدراسة "
            "في طيف واسع من التطبيقات التجديدية، منها تجديد البشرة والتئام الجروح وعلاج "
            "حالات التهابية مختلفة، وهو ما قد يسهم في زيادة دقة استخدامها في طب الأمراض "
            "الجلدية."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.future.standardization",
        (
            "<strong>Standardization and regulation:</strong> As the science matures, "
            "there will likely be increased standardization and stricter regulatory "
            "guidelines for exosome products and therapies, further ensuring patient "
            "safety and treatment consistency."
        ),
        (
            "<strong>توحيد المعايير والتنظيم:</strong> مع نضوج هذا العلم، يُرجَّح أن يزداد "
            "توحيد المعايير وأن تصبح الإرشادات التنظيمية الخاصة بمستحضرات الإكسوسومات "
            "وعلاجاتها أكثر صرامة، بما يعزز ضمان سلامة المرضى واتساق العلاج."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.future.closing",
        (
            "Exosome hair restoration represents not just a current treatment but a "
            "glimpse into the future of regenerative aesthetics, offering a sophisticated, "
            "natural, and increasingly refined approach to combating hair loss."
        ),
        (
            "لا تمثّل استعادة الشعر بالإكسوسومات علاجًا متاحًا اليوم فحسب، بل هي أيضًا "
            "لمحة عن مستقبل التجميل التجديدي، إذ تقدّم نهجًا متطورًا وطبيعيًا يزداد دقةً "
            "باستمرار لمواجهة تساقط الشعر."
        ),
    ),
    (
        "cost-and-safety",
        "cost-and-safety.next",
        "Next: frequently asked questions",
        "التالي: الأسئلة الشائعة",
    ),
    # contact
    (
        "contact",
        "contact.meta.title",
        "Contact and opening hours",
        "التواصل وساعات العمل",
    ),
    (
        "contact",
        "contact.meta.description",
        (
            "Visit Ecla Clinic at 1128 Al Wasl Road, Umm Suqeim 2, Jumeirah, Dubai. Open "
            "Monday to Saturday, 10:00 to 22:00. Book a free hair restoration consultation."
        ),
        (
            "زُر Ecla Clinic في 1128 شارع الوصل، أم سقيم 2، جميرا، دبي. نستقبلك من الاثنين "
            "إلى السبت، من 10:00 إلى 22:00. احجز استشارة مجانية لاستعادة الشعر."
        ),
    ),
    (
        "contact",
        "contact.title",
        "Contact us",
        "تواصل معنا",
    ),
    (
        "contact",
        "contact.lede",
        (
            "If you would like to schedule an appointment or a free consultation, please "
            "leave your info and we will contact you as soon as possible."
        ),
        (
            "إذا كنت ترغب في حجز موعد أو استشارة مجانية، يُرجى ترك بياناتك وسنتواصل معك في "
            "أقرب وقت ممكن."
        ),
    ),
    (
        "contact",
        "contact.address.heading",
        "Address",
        "العنوان",
    ),
    (
        "contact",
        "contact.address.directions-link",
        "Get directions in maps",
        "احصل على الاتجاهات في الخرائط",
    ),
    (
        "contact",
        "contact.reach.heading",
        "Talk to us",
        "تحدّث إلينا",
    ),
    (
        "contact",
        "contact.reach.phone-label",
        "Phone",
        "الهاتف",
    ),
    (
        "contact",
        "contact.reach.whatsapp-label",
        "WhatsApp",
        "واتساب",
    ),
    (
        "contact",
        "contact.reach.email-label",
        "Email",
        "البريد الإلكتروني",
    ),
    (
        "contact",
        "contact.reach.text",
        "Leave your name and number and our team will call or WhatsApp you.",
        "اترك اسمك ورقمك، وسيتصل بك فريقنا أو يراسلك عبر واتساب.",
    ),
    (
        "contact",
        "contact.reach.book-link",
        "Book a free consultation",
        "احجز استشارة مجانية",
    ),
]


def passages_from_the_code(apps, schema_editor):
    Passage = apps.get_model("content", "Passage")
    HistoricalPassage = apps.get_model("content", "HistoricalPassage")
    moment = timezone.now()
    positions = {}
    for page, key, text_en, text_ar in PASSAGES:
        positions[page] = positions.get(page, 0) + 10
        passage = Passage.objects.create(
            key=key,
            page=page,
            position=positions[page],
            status="published",
            published_at=moment,
            text_en=text_en,
            text_ar=text_ar,
            draft_text_en=text_en,
            draft_text_ar=text_ar,
        )
        fields = {
            field.attname: getattr(passage, field.attname)
            for field in Passage._meta.concrete_fields
        }
        HistoricalPassage.objects.create(
            **fields, history_date=moment, history_type="+", history_change_reason="imported"
        )


def remove_passages(apps, schema_editor):
    apps.get_model("content", "HistoricalPassage").objects.all().delete()
    apps.get_model("content", "Passage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("content", "0004_passages")]

    operations = [migrations.RunPython(passages_from_the_code, remove_passages)]
