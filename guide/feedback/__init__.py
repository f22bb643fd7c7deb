"""Anonymous feedback: the store and the screen for identifying words."""
