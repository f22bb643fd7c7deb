"""Everything that imports Qt: widgets that show the core's data and hand input back to it."""
