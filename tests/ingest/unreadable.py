"""A folder that cannot be listed, for tests: chmod 000 does not stop root (CI containers), so os.scandir refuses it."""

from __future__ import annotations

import os

import pytest


def refuse_folder(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make every folder whose path ends with ``name`` raise PermissionError when listed."""
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith(name):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
