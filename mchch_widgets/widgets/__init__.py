"""Widgets: thin views over the core, one workshop screen per module."""
