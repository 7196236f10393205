"""The Textual terminal UI: review the mined candidates and look terms up as you type."""
