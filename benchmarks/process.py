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


def tree_rss_mb(pid: int) -> float:
    """RSS of ``pid`` and all its descendants (psutil is not a dependency; /proc is enough here)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:  # the process ended while we looked
            continue
        p = int(entry)
        children.setdefault(int(fields["PPid"]), []).append(p)
        rss[p] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total / 1024


def measure(module: str, *args: str) -> dict:
    """Run ``python -m module --job *args``; its last stdout line is JSON, returned with
    ``wall_s`` (process start to end, interpreter start-up included), ``cpu_s`` (CPU seconds of
    the process and every worker it waited for) and ``peak_rss_mb``."""
    started = time.perf_counter()
    # CPU of the whole tree: a child's rusage counts the workers it waited for, and ours counts it
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen([sys.executable, "-m", module, "--job", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = [0.0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss_mb(proc.pid))
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
    result["peak_rss_mb"] = peak[0]
    return result


def entry(job, main) -> None:
    """A benchmark module's command line: ``--job ARGS`` runs one measured job, else the benchmark."""
    if len(sys.argv) > 1 and sys.argv[1] == "--job":
        job(*sys.argv[2:])
    else:
        main(quick="--quick" in sys.argv)
