"""What a page shows: markdown to HTML, links, pictures, QR codes."""
