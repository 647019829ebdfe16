"""What every window shares: the worker, fonts, languages, labels, refusal texts and the form kit."""
