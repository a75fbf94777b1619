"""drafter: template-driven drafting of township government reports."""

__version__ = "0.1.0"

from .lazyre import spare_pyyaml_reader_pattern

spare_pyyaml_reader_pattern()
