"""Reading, validating and atomically writing race files and split imports (no Qt)."""
