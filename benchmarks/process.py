"""Run one measured job in a fresh Python process: wall time as a user sees it, peak RSS of the tree.

Peak RSS is the whole process tree (driver, worker processes, a JVM) sampled every 0.2 s from
/proc, since a multi-process run's memory is mostly outside the driver.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time


TICK = os.sysconf("SC_CLK_TCK")


def _pss_kb(pid: int) -> int:
    """Proportional set size: pages shared with other processes (a fork server's model, copy-on-write
    in its forked workers) count as a share each, so the tree's sum is the memory it really takes."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def _tree(pid: int) -> dict[int, tuple[int, float]]:
    """``pid`` and all its descendants: RSS in kB and own CPU seconds (user + system) of each.
    psutil is not a dependency; /proc is enough here."""
    children: dict[int, list[int]] = {}
    seen: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read().rsplit(")", 1)[1].split()  # after the command name, which may hold spaces
        except OSError:  # the process ended while we looked
            continue
        p = int(entry)
        children.setdefault(int(fields["PPid"]), []).append(p)
        # fields 14 and 15 of stat (utime, stime), 12 and 13 counted after the name
        seen[p] = (int(fields.get("VmRSS", "0 kB").split()[0]), (int(stat[11]) + int(stat[12])) / TICK)
    out, todo = {}, [pid]
    while todo:
        p = todo.pop()
        if p in seen:
            out[p] = seen[p]
        todo += children.get(p, [])
    return out


def tree_rss_mb(pid: int) -> float:
    """RSS of ``pid`` and all its descendants."""
    return sum(rss for rss, _ in _tree(pid).values()) / 1024


def measure(module: str, *args: str) -> dict:
    """Run ``python -m module --job *args``; its last stdout line is JSON, returned with
    ``wall_s`` (process start to end, interpreter start-up included), ``cpu_s`` (CPU seconds of
    the process and every worker it waited for), ``tree_cpu_s`` (the CPU seconds of every process
    of the tree as last sampled: counts processes no one waits for, such as Spark's Python workers
    under its JVM; misses a process's last 0.2 s), ``peak_rss_mb`` (the tree's RSS summed: pages
    forked workers share are counted in each) and ``peak_pss_mb`` (the tree's PSS summed, sampled
    every second: shared pages counted once)."""
    started = time.perf_counter()
    # CPU of the whole tree: a child's rusage counts the workers it waited for, and ours counts it
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen([sys.executable, "-m", module, "--job", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak, peak_pss = [0.0], [0.0]
    cpu: dict[int, float] = {}

    def sample() -> None:
        n = 0
        while proc.poll() is None:
            tree = _tree(proc.pid)
            peak[0] = max(peak[0], sum(rss for rss, _ in tree.values()) / 1024)
            if n % 5 == 0:  # smaps_rollup walks every mapping: costlier than status
                peak_pss[0] = max(peak_pss[0], sum(_pss_kb(p) for p in tree) / 1024)
            cpu.update((p, c) for p, (_, c) in tree.items())
            n += 1
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark job {module} {' '.join(args)} failed with exit code {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["wall_s"] = wall
    result["cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result["tree_cpu_s"] = sum(cpu.values())
    result["peak_rss_mb"] = peak[0]
    result["peak_pss_mb"] = peak_pss[0]
    return result


def entry(job, main) -> None:
    """A benchmark module's command line: ``--job ARGS`` runs one measured job, else the benchmark."""
    if len(sys.argv) > 1 and sys.argv[1] == "--job":
        job(*sys.argv[2:])
    else:
        main(quick="--quick" in sys.argv)
