"""Work orders from above: entering, importing, answering, and their queries."""
