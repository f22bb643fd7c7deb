"""Printing through QtPrintSupport and QPdfWriter: the dialog on a desktop, the clinic's printer on a kiosk."""
