"""Patients and a staff member against the cluster that bench/cluster.sh starts.

    cluster_client.py shared A_PORT B_PORT       # one site: admin, sessions, limits, double click
    cluster_client.py burst NAME DIGIT NGINX_PORT [--signal FILE --after N] [--back FILE]
    cluster_client.py limit NGINX_PORT           # the hard limit answers 429 again
    cluster_client.py table                      # every burst's row; exit 1 if a guarantee broke

Each patient connects from an address of their own (127.D.x.y), as patients do, so nginx and the
site's rate limit see 200 different clients. Rows are counted in the cluster's database through
Django's ORM, with the same settings as the hosts (the environment bench/cluster-parts.sh sets).
"""

import argparse
import json
import secrets
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cluster_browser import (
    PATIENTS,
    PHONE_LINK,
    RESULTS,
    Browser,
    django_orm,
    patient_phone,
    stored_when_drained,
)


def burst(args):
    patients = [
        Browser(args.port, source=f"127.{args.digit}.{n // 200}.{n % 200 + 1}")
        for n in range(PATIENTS)
    ]
    with ThreadPoolExecutor(8) as pool:
        forms = list(pool.map(lambda patient: patient.form("/consultation/"), patients))
    assert all(forms), "a patient could not open the form"
    time.sleep(3)  # as long as a person takes to fill it in, so none is taken for a bot
    answers, lock, done = [None] * PATIENTS, threading.Lock(), [0]

    def send(n):
        time.sleep(args.spread * n / PATIENTS)
        sent_at = time.time()
        phone = patient_phone(args.digit, n)
        status, body, _ = patients[n].submit(forms[n], f"Cluster patient {args.digit}-{n}", phone)
        answers[n] = {"status": status, "shows_phone": PHONE_LINK in body, "sent": sent_at}
        answers[n]["answered"] = time.time()
        with lock:
            done[0] += 1
            if args.signal and done[0] == args.after:
                Path(args.signal).write_text("now")

    threads = [threading.Thread(target=send, args=(n,)) for n in range(PATIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if args.back:  # the fault's end: wait until bench/cluster.sh has brought the part back
        while not Path(args.back).exists():
            time.sleep(0.1)
    django_orm()
    accepted = [n for n, a in enumerate(answers) if a["status"] == 302]
    phones = [patient_phone(args.digit, n) for n in range(PATIENTS)]
    stored, last_stored = stored_when_drained(phones, len(accepted))
    statuses = {}
    for answer in answers:
        statuses[answer["status"]] = statuses.get(answer["status"], 0) + 1
    row = {
        "scenario": args.name,
        "sent": PATIENTS,
        "answered 302": len(accepted),
        "stored": len(stored),
        "duplicates": sum(count - 1 for count in stored.values()),
        "errors shown": sum(a["status"] != 302 and a["shows_phone"] for a in answers),
        "other": sum(a["status"] != 302 and not a["shows_phone"] for a in answers),
        "302 not stored": sum(stored.get(patient_phone(args.digit, n), 0) == 0 for n in accepted),
        "statuses": statuses,
    }
    if args.back:
        back = float(Path(args.back).read_text())
        after = [answers[n]["answered"] - back for n in accepted if answers[n]["sent"] >= back]
        row["first 302 after recovery (s)"] = round(min(after), 2) if after else None
        row["last stored after recovery (s)"] = round(last_stored - back, 1)
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a") as results:
        results.write(json.dumps(row) + "\n")
    print(json.dumps(row))


def sign_in(staff, username, password, device):
    """Password, then the app's code, following the admin's redirects like a browser."""
    from django_otp.oath import TOTP

    form = staff.form_fields("/admin/login/")[0]
    data = {**form, "username": username, "password": password, "next": "/admin/"}
    status, _, location = staff.request("POST", "/admin/login/", data)
    assert status == 302, f"password step answered {status}"
    form, code_url = staff.form_fields(location)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    status, _, location = staff.request("POST", code_url, {**form, "code": f"{totp.token():06d}"})
    assert status == 302 and location == "/admin/", f"code step answered {status} {location}"


def shared(args):
    """What one host knows, the other knows: requests, staff sessions, limits, claims."""
    django_orm()
    from django.contrib.auth.models import User
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from consultations.models import ConsultationRequest

    password = secrets.token_urlsafe(16)  # a throwaway account in a throwaway database
    user = User.objects.create_superuser("cluster-owner", password=password, email="")
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    checks = []

    patient = Browser(args.a, forwarded_for="198.51.100.1")
    form = patient.form("/consultation/")
    time.sleep(3)
    sent = patient.submit(form, "Cluster patient through A", "050 900 0001")[0]
    staff = Browser(args.a)
    sign_in(staff, "cluster-owner", password, device)
    staff.port = args.b
    status, admin_list, _ = staff.request("GET", "/admin/consultations/consultationrequest/")
    checks.append(("a staff session started on A opens the admin on B", status == 200))
    checks.append(
        (
            "a request sent through A is in B's admin",
            sent == 302 and "Cluster patient through A" in admin_list,
        )
    )

    flood = [Browser(port, forwarded_for="198.51.100.7") for port in (args.a, args.b)]
    forms = [browser.form("/consultation/") for browser in flood]
    statuses = [
        flood[n % 2].submit(forms[n % 2], "Flood", "050 900 0002", consent=False)[0]
        for n in range(31)
    ]
    checks.append(
        (
            "the hard limit (30 an hour) counts across both: attempt 31 gets 429, 16 went to A",
            statuses[:30] == [200] * 30 and statuses[30] == 429,
        )
    )

    clicker = Browser(args.a, forwarded_for="198.51.100.9")
    form = clicker.form("/consultation/")
    time.sleep(3)
    with ThreadPoolExecutor(2) as pool:
        answers = pool.map(
            lambda port: clicker.twin(port).submit(form, "Double clicker", "050 900 0003"),
            (args.a, args.b),
        )
    both = [status for status, _, _ in answers]
    rows = ConsultationRequest.objects.filter(phone="+971509000003").count()
    checks.append(
        (
            "the same answers sent to A and B at once: both answered 302, stored once",
            both == [302, 302] and rows == 1,
        )
    )
    for description, passed in checks:
        print(f"  {'ok    ' if passed else 'FAILED'}  {description}")
    sys.exit(0 if all(passed for _, passed in checks) else 1)


def limit(args):
    client = Browser(args.port, source="127.99.0.1")
    form = client.form("/consultation/")
    statuses = [client.submit(form, "Flood", "050 900 0004", consent=False)[0] for _ in range(31)]
    passed = statuses[:30] == [200] * 30 and statuses[30] == 429
    print(f"  {'ok    ' if passed else 'FAILED'}  the hard limit counts again: attempt 31 gets 429")
    sys.exit(0 if passed else 1)


def table(args):
    rows = [json.loads(line) for line in RESULTS.read_text().splitlines()]
    columns = [
        "sent",
        "answered 302",
        "stored",
        "duplicates",
        "errors shown",
        "other",
        "302 not stored",
    ]
    print(f"{'scenario':<36}" + "".join(f"{c:>16}" for c in columns))
    for row in rows:
        print(f"{row['scenario']:<36}" + "".join(f"{row[c]:>16}" for c in columns))
    for row in rows:
        extra = (
            f", first 302 {row['first 302 after recovery (s)']} s and last request stored "
            f"{row['last stored after recovery (s)']} s after the broken part was back"
            if ("first 302 after recovery (s)" in row)
            else ""
        )
        print(f"  {row['scenario']}: answers {row['statuses']}{extra}")
    broken = [r for r in rows if r["duplicates"] or r["other"] or r["302 not stored"]]
    print(
        "Every 302 stored exactly once, none twice, every error page shows the phone."
        if not broken
        else f"GUARANTEE BROKEN in {[r['scenario'] for r in broken]}"
    )
    sys.exit(1 if broken else 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("shared")
    one.add_argument("a", type=int)
    one.add_argument("b", type=int)
    many = commands.add_parser("burst")
    many.add_argument("name")
    many.add_argument("digit", type=int)
    many.add_argument("port", type=int)
    many.add_argument("--signal", help="file to write when --after answers have come")
    many.add_argument("--after", type=int, default=40)
    many.add_argument("--back", help="file holding the time the broken part came back")
    many.add_argument("--spread", type=float, default=6.0, help="seconds the sends spread over")
    again = commands.add_parser("limit")
    again.add_argument("port", type=int)
    commands.add_parser("table")
    args = parser.parse_args()
    {"shared": shared, "burst": burst, "limit": limit, "table": table}[args.command](args)


if __name__ == "__main__":
    main()
