"""A small read each process keeps a few seconds: what every page shows and the clinic may change
in the admin (the dated hours, the published content). A change saved in this process is read
again at once (`forget`, a receiver of the models' post_save and post_delete); every other process
and host reads it within the kept seconds. A page must never go down for it: when the read fails
(the database away), the last value read stands in, and the failure is logged once a minute."""

import threading
import time

from ground.limits import log_store_unavailable


class KeptRead:
    def __init__(self, read, *, empty, logger, unavailable, kept_seconds=5, retry_seconds=5):
        self.read = read
        self.empty = empty
        self.logger = logger
        self.unavailable = unavailable  # the log line of a failed read
        self.kept_seconds = kept_seconds
        self.retry_seconds = retry_seconds
        self._lock = threading.Lock()
        self._value, self._fresh_until = empty, 0.0

    def __call__(self):
        if self._fresh_until > time.monotonic():
            return self._value
        try:
            current = self.read()
        except Exception:  # whatever went wrong, the page is served
            with self._lock:
                self._fresh_until = time.monotonic() + self.retry_seconds
            log_store_unavailable(self.logger, self.unavailable)
            return self._value
        with self._lock:
            if current == self._value:
                current = self._value  # the same objects: a page's edition compares at once
            self._value, self._fresh_until = current, time.monotonic() + self.kept_seconds
        return current

    def forget(self, **kwargs):
        """Read again at the next call, even after a failure (a change was just saved); the last
        value read still stands in if that read fails."""
        with self._lock:
            self._fresh_until = 0.0

    def clear(self):
        """Back to nothing read, as a process starts (the tests: each from its own database)."""
        with self._lock:
            self._value, self._fresh_until = self.empty, 0.0
