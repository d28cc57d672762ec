"""Adapters that turn research datasets into foedus model objects."""
