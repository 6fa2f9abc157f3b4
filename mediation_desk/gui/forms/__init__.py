"""Modules generated from ui/*.ui (see build_forms.py): do not edit."""
