"""Exchange with the district branch: bundles out and in."""
