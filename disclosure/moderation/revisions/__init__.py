"""What a revision holds and which revision a review run signs: read by the review, the
publication check and the review tasks of models.py."""
