"""The outlet's side of the exchange with the district branch, in the window: sending the
signed bundle up and importing what the district sends down (db/exchange/ does the work)."""
