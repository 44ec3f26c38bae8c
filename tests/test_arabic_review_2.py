"""The second native Arabic read (shared brief arabic-review-2026-12-05), as tests can guard it:
each test names the finding it keeps fixed (M: meaning wrong, U: unnatural, S: style)."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone, translation
from icalendar import Calendar

from booking.ics import visit_calendar
from booking.links import visit_path
from booking.models import ClinicSettings
from consultations.models import ConsultationRequest
from consultations.notifications import send_due
from frontdesk.whatsapp import whatsapp_chat_url
from ground.dates import visit_day, visit_time
from ground.models import DatedHours, DayHours
from tests.factories import (
    dubai,
    form_data,
    login_staff,
    make_booking,
    make_request,
    picker_url,
)
from tests.html import parse
from tests.pages import page_urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]


def text(url):
    return parse(Client().get(url)).text


def visit_text(status):
    booking = make_booking(
        make_request(language="ar"),
        starts_at=timezone.localtime().replace(hour=10, minute=30, second=0, microsecond=0)
        + timedelta(days=3),
        status=status,
    )
    return text(visit_path(booking)), booking


# Meaning wrong


def test_m4_the_picker_says_as_we_said_not_as_we_promised():
    consultation = make_request(language="ar")
    thanks = text(f"/ar/consultation/thanks/?ref={picker_url(consultation).split('r=')[1]}")
    picker = text(picker_url(consultation, language="ar"))

    assert "وعدناك" not in thanks + picker
    assert "عبر واتساب كما ذكرنا." in thanks
    assert "عبر واتساب كما ذكرنا سابقًا." in picker


def test_m6_the_due_today_filter_reads_as_a_call_back_not_an_appointment(arabic_desk):
    html = arabic_desk.get(
        reverse("admin:consultations_consultationrequest_changelist")
    ).content.decode()

    assert "معاودة الاتصال اليوم" in html and "معاودة اتصال متأخرة" in html
    assert "موعدها اليوم" not in html
    assert "حسب قائمة العمل" in html  # S13: the filter's title


# Unnatural


def test_u1_u2_an_april_time_reads_with_the_gulf_month_and_the_word_hour():
    moment = dubai(2027, 4, 1, 10, 30)

    assert visit_time(moment, "ar") == "الخميس 1 أبريل، الساعة 10:30"
    assert visit_day(moment.date(), "ar") == "الخميس 1 أبريل"
    with translation.override("ar"):
        assert formats.date_format(moment.date(), "DATE_FORMAT") == "1 أبريل 2027"
        for name in ("DATETIME_FORMAT", "YEAR_MONTH_FORMAT", "MONTH_DAY_FORMAT"):
            assert "أبريل" in formats.date_format(moment, name)
    assert visit_time(moment, "en") == "Thu 1 Apr, 10:30"


def test_u3_the_declined_time_is_not_kept_for_you_word_for_word():
    page, booking = visit_text("declined")

    assert "الإبقاء" not in page
    assert "تعذّر تثبيت هذا الموعد" in page
    assert f"لم تتمكن العيادة من تثبيت موعدك يوم {visit_time(booking.starts_at, 'ar')}." in page


def test_u4_the_patient_cancelled_it_and_the_time_has_no_commas_around_it():
    page, booking = visit_text("cancelled")

    assert f"لقد ألغيتَ موعدك يوم {visit_time(booking.starts_at, 'ar')}. يمكنك" in page


def test_u5_s5_the_calendar_file_says_how_to_change_the_time_in_a_sentence_and_where_in_english():
    booking = make_booking(make_request(language="ar"))

    event = Calendar.from_ical(visit_calendar(booking, "https://x.example/v/1/", "ar")).walk(
        "VEVENT"
    )[0]

    assert str(event["description"]) == "لتغيير الموعد أو إلغائه: https://x.example/v/1/"
    # Phones hand the location to their maps app: one language, the clinic's own address.
    assert not re.search(r"[\u0600-\u06FF]", str(event["location"]))
    assert str(event["location"]).endswith("Dubai")


def test_u6_the_whatsapp_greeting_offers_the_picker_in_a_sentence_of_its_own(rf):
    consultation = make_request(language="ar")

    link = whatsapp_chat_url(consultation, rf.get("/admin/"))

    from urllib.parse import unquote

    greeting = unquote(link.split("?text=", 1)[1])
    assert "\nويمكنك أيضًا اختيار موعد استشارتك بنفسك من هنا: http://testserver/ar/" in greeting
    assert "اختر موعدًا لاستشارتك المجانية:" not in greeting


def test_u7_the_try_again_page_speaks_of_a_form_just_sent(settings):
    settings.CLINIC = {**settings.CLINIC, "phone": "+971 4 123 4567"}
    out = StringIO()
    call_command("nginx_error_page", "--language", "ar", stdout=out)

    assert "إذا كنت ترسل" not in out.getvalue()
    assert "وإن كنت قد أرسلت نموذج الاستشارة للتو، فربما لم يصلنا؛ أعد إرساله" in out.getvalue()


def test_u8_the_picker_asks_the_patient_to_choose_as_every_other_action_does():
    page = text(picker_url(make_request(language="ar"), language="ar"))

    # Each time is its own button now (issue 25's one-tap picker): no "Choose this time" is left.
    assert "اختيار هذا الوقت" not in page and "أوقات لاحقة" not in page
    assert "مواعيد الأيام التالية" in page


def test_u9_u10_s1_the_pages_use_one_word_for_weak_follicles_and_no_postal_vans():
    read = [parse(Client().get(url)) for url in page_urls("ar")]
    pages = " ".join(f"{page.meta['description']} {page.text}" for page in read)

    assert "متعثرة" not in pages and "مركبات بريد" not in pages
    assert "بسُعاة بريد متخصصين" in pages
    assert re.findall(r"التوغل", pages) == []  # always «التوغّل»
    assert "فاعلية" not in pages
    assert re.findall(r"بالصفائح(?! الدموية)", pages) == []


def test_u12_the_booking_settings_labels_read_as_labels():
    with translation.override("ar"):
        field = ClinicSettings._meta.get_field

        assert str(field("days_ahead").verbose_name) == "مدى الحجز المسبق (بالأيام)"
        assert str(field("minimum_notice_hours").verbose_name) == (
            "الحد الأدنى للمهلة المسبقة (بالساعات)"
        )
        assert "(1 = الاستشاري وحده)" in str(field("capacity").help_text)
        assert str(field("confirmation").verbose_name) == "عند اختيار المريض موعدًا"
        assert str(DatedHours._meta.verbose_name_plural) == "ساعات عمل استثنائية (العطلات ورمضان)"
        assert str(DayHours._meta.verbose_name) == "فترة عمل"


# Style


def test_s2_the_visit_page_asks_to_save_its_link_not_its_title():
    page, _booking = visit_text("held")

    assert "احفظ رابط هذه الصفحة؛" in page and "عنوان هذه الصفحة" not in page


def test_s4_meanwhile_reads_in_these_moments():
    with translation.override("ar"):
        assert translation.gettext("That time was taken meanwhile: choose another.") == (
            "حُجز هذا الوقت في هذه الأثناء، فاختر وقتًا آخر."
        )


def test_s8_staff_alerts_come_in_the_staff_language_with_a_number_not_a_hash(
    settings, django_capture_on_commit_callbacks
):
    settings.CONSULTATION_NOTIFY_EMAILS = ["desk@example.ae"]

    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/ar/consultation/", form_data(name="ليلى حسن"))
    send_due()

    consultation = ConsultationRequest.objects.get()
    assert mail.outbox[0].subject == f"New consultation request #{consultation.pk}"
    with translation.override("ar"):
        assert translation.gettext("New consultation request #%(id)s") % {"id": 12} == (
            "طلب استشارة جديد رقم 12"
        )


def test_s10_the_requests_list_counts_requests_without_the_definite_article(arabic_desk):
    for number in range(6):
        make_request(phone=f"+97150000000{number}")

    html = arabic_desk.get(
        reverse("admin:consultations_consultationrequest_changelist") + "?work=all"
    ).content.decode()

    paginator = " ".join(html.split('<p class="paginator">', 1)[1].split("</p>", 1)[0].split())
    assert paginator == "6 طلبات استشارة"


def test_s11_s14_the_medical_pages_speak_to_every_patient_and_in_their_words():
    with translation.override("ar"):
        procedure = text(reverse("pages:procedure"))
        hair_loss = text(reverse("pages:hair-loss"))

    assert "أنك مرشح مناسب" not in procedure
    assert "بعد التأكد من أن العلاج مناسب لك" in procedure
    assert "الحاصّة الأندروجينية (الصلع الوراثي)" in hair_loss


def test_s9_the_report_writes_its_weeks_one_way_and_its_csv_keeps_iso_dates(client):
    import csv
    import io

    from tests.factories import clock_at, make_superuser

    make_request(created_at=dubai(2026, 11, 23, 11))
    login_staff(client, make_superuser())
    client.post(reverse("staff_access:language"), {"language": "ar", "next": "/admin/"})
    url = reverse("admin:frontdesk_requests_report")

    with clock_at(dubai(2026, 11, 25, 12)):
        page = client.get(url).content.decode()
        rows = list(csv.reader(io.StringIO(client.get(url, {"format": "csv"}).content.decode())))

    chart = page.split('class="report-chart"', 1)[1].split("</figure>", 1)[0]
    assert "23/11/2026" in chart and "2026-11-23" not in chart.split("<a href")[0]
    assert not re.search(r">\s*\d{4}-\d{2}-\d{2}\s*<", chart)
    assert any(row[0] == "week" and row[2] == "2026-11-23" for row in rows)
