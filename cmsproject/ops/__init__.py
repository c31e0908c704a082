"""Running the site rather than being it: demo and synthetic data, benchmark, load test, backup."""
