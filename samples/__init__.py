"""Invented sample threads in real site markup, and the generators that write them."""
