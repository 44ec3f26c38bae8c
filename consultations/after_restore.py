"""What a restore must do again for consultation requests (registered with backups.restore)."""

from django.conf import settings

from consultations import patient_data


def erase_again_and_purge(sender, ledger, **kwargs):
    """Every patient erased since the backup erased again; requests past retention purged."""
    erasures = ledger.erasures_of(patient_data.numbers_stored()) if ledger.erasures else []
    made, deleted = patient_data.erase_again(erasures, username="restore (manage.py)")
    days = settings.CONSULTATION_RETENTION_DAYS
    purged = patient_data.purge_expired(days)
    return [
        f"Re-applied {made} erasure(s) from the ledger: deleted {deleted} consultation "
        "request(s) received before them.",
        f"Purged {purged} consultation request(s) older than {days} days.",
    ]
