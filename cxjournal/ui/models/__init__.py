"""Thin Qt table models over journal objects, one module per model."""
