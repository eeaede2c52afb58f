"""The walls between organisations and the set-up of each organisation's disclosure root."""
