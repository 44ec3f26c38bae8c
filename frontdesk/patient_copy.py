"""A patient's copy of their data, as the superusers' page and `manage.py patient_data` give it:
what consultations stores about the number (consultations/patient_data.py), with the
consultation times booked for its requests (booking's)."""

from booking import patient_copy as consultation_times
from consultations import patient_data

ALSO = (("consultation_times", consultation_times.copy_rows),)


def export(number, *, request=None, username=None):
    return patient_data.export(number, also=ALSO, request=request, username=username)
