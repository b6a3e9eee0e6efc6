"""Vietnamese translations of the interface, one module per part of the product (see tools/vi_translations.py)."""
