"""A UUID in a patient's link, signed with a salt of its own (so that no other link's token reads
as one of these) and, for a link that expires, with the time it was made: the visit link
(booking/links.py) and the reference to a request (consultations/references.py).

Both formats are Django's own (django.core.signing), as the links had them before this module:
a link that never expires is `Signer.sign(hex)`, "<hex>:<signature>"; one with a maximum age is
`signing.dumps(hex)`, the hex in base64 JSON, the time it was made and the signature. A token
made before reads the same, and the same UUID gives the same token.
"""

import uuid
from dataclasses import dataclass

from django.core import signing


@dataclass(frozen=True)
class SignedLink:
    salt: str
    max_age: int | None = None  # seconds; None: the token never expires and carries no time

    def make(self, value):
        """The token naming this UUID."""
        if self.max_age is None:
            return signing.Signer(salt=self.salt).sign(value.hex)
        return signing.dumps(value.hex, salt=self.salt)

    def read(self, token):
        """The UUID a token names, or None, the one way to fail: forged, mangled, made with
        another salt, too old, or not a UUID."""
        try:
            if self.max_age is None:
                text = signing.Signer(salt=self.salt).unsign(token or "")
            else:
                text = signing.loads(token or "", salt=self.salt, max_age=self.max_age)
            return uuid.UUID(hex=text)
        except (signing.BadSignature, TypeError, ValueError, AttributeError):
            return None  # SignatureExpired is a BadSignature too
