"""The head's management: staff, training, disputes, liability, penalties, acting heads."""
