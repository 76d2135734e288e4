"""Signing in from tests: the session a person has after the login page (and, later, the second factor)."""


def signed_in(client, person):
    client.force_login(person.user)
    return client
