"""Patches of Django this app applies from its ready(), one module each (gongkai/patching.py)."""
