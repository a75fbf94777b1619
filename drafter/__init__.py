"""drafter: template-driven drafting of township government reports."""

__version__ = "0.1.0"
