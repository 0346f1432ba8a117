"""Turn news articles into grounded, structured Markdown briefings for MkDocs."""

__version__ = "0.1.0"
