"""Printing a page as a handout: what is printed, on which paper, and whether a visitor may print (Qt-free)."""
