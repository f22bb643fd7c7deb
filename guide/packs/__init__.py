"""Content packs: reading, merging, caching and checking them."""
