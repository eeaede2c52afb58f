"""Mail about review: who hears what, and the Celery task that sends it."""
