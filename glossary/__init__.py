"""glossary: a Chinese–English terminology manager for translators of official texts."""

__version__ = "0.1.0"
