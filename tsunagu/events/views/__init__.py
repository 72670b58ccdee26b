"""Event pages: public pages (list, event, registration), staff pages (check-in, registrations,
invitations), minutes, and the yearly statistics."""
