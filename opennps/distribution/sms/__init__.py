"""SMS: segment counting, providers, message text, sending and inbound replies."""
