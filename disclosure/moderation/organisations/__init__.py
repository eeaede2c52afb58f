"""The walls between organisations, the set-up of each organisation's disclosure root and the
table of what each role may do."""
