"""Whom a visitor refused by a limit can call instead (the 429 page of /apply/)."""

from disclosure.catalogue.models import Organisation


def too_many_contacts():
    """Every organisation that gives a phone number, as (name in the page's language, phone).

    All of them, never the one an application number belongs to: naming it on a refusal
    would tell whoever typed a number that it exists."""
    return [
        (organisation.local_name, organisation.phone)
        for organisation in Organisation.objects.exclude(phone="").only("name", "name_en", "phone")
    ]
