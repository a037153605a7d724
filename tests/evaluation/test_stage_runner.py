"""`python -m evaluation|benchmarks [stage ...] [options]`: stages, options and their values."""

import sys
import types

from evaluation.common import run_stage_modules


def _fake_package(monkeypatch, calls: list) -> None:
    package = types.ModuleType("fakebench")
    package.__path__ = []
    scale = types.ModuleType("fakebench.scale")
    scale.main_from_argv = lambda argv: calls.append(("scale", argv))
    stories = types.ModuleType("fakebench.stories")
    stories.main = lambda quick: calls.append(("stories", quick))
    for name, module in {"fakebench": package, "fakebench.scale": scale, "fakebench.stories": stories}.items():
        monkeypatch.setitem(sys.modules, name, module)


def test_an_option_value_is_passed_to_the_module_and_not_taken_for_a_stage(monkeypatch):
    calls: list = []
    _fake_package(monkeypatch, calls)
    argv = ["scale", "--sizes", "2000,10000", "--rounds", "2"]
    assert run_stage_modules("fakebench", argv) == 0
    assert calls == [("scale", argv)]


def test_a_module_without_options_gets_quick(monkeypatch):
    calls: list = []
    _fake_package(monkeypatch, calls)
    assert run_stage_modules("fakebench", ["stories", "--quick"]) == 0
    assert calls == [("stories", True)]


def test_a_module_outside_the_stage_list_can_be_asked_for_by_name(monkeypatch):
    calls: list = []
    _fake_package(monkeypatch, calls)
    extra = types.ModuleType("fakebench.extra")
    extra.main = lambda quick: calls.append(("extra", quick))
    monkeypatch.setitem(sys.modules, "fakebench.extra", extra)
    assert run_stage_modules("fakebench", ["extra"]) == 0
    assert calls == [("extra", False)]


def test_an_unknown_module_is_refused_before_anything_runs(monkeypatch):
    calls: list = []
    _fake_package(monkeypatch, calls)
    assert run_stage_modules("fakebench", ["stories", "storeis"]) == 2
    assert calls == []
