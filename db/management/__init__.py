"""Management: liability, penalties, staff records, training, prevention, targets and analysis."""
