"""Read aloud: what a page says, in the order a visitor reads it, ready for a voice. Qt-free."""
