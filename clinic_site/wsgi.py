import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")

application = get_wsgi_application()

# Requests held on this host while the database was away are stored by themselves once it is
# back: each server process (gunicorn's workers, runserver) drains them (consultations/drain.py).
from consultations.drain import start_drainer  # noqa: E402  (needs the apps loaded above)
from consultations.notifications import start_sender  # noqa: E402

start_drainer()
# The staff emails wait in the database's outbox; each server process sends what is due.
start_sender()
# Page views counted in each server process are added to the daily counts every few seconds.
from visits.tally import start_flusher  # noqa: E402

start_flusher()
