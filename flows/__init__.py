"""Prefect flows: wiring only. Each task body is one call into a plain function of `newsmon`."""
