"""Use cases: check (domain rules) → change models → record in the audit log → flush. Never commit."""
