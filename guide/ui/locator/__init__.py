"""The "Find treatment near you" page: ZIP code, number pad, filters and results."""
