"""Test helpers and generators: not shipped with the package."""
