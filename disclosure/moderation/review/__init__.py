"""The review workflow (先审后发): submission, each step, the item's status and record."""
