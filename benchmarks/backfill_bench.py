"""Benchmark: an archive backfill, the local process pool against a Dask cluster (issue 14).

A generated show of N short segments (default 40 of 20 s), each a raw recording to master and
tag, built cold (fresh copy, empty cache) by a fresh ``segcast build`` process, sides alternating,
best of the repeats:

* **local**: ``segcast build --jobs 2`` (the process pool);
* **cluster**: ``segcast build --cluster ADDRESS`` against a ``distributed.LocalCluster`` of 2
  worker processes with one thread each, on the same two cores, started once before the runs
  (its start-up is reported apart: a station's cluster is already up).

Reported: wall time and the cluster/local ratio (target: at most 1.2), the per-job overhead
(no-op jobs through each executor, and the extra wall per audio job), the client's peak
resident memory (the build process itself, not its pool or ffmpeg: ``RUSAGE_SELF``) and, from a
10- and a 100-segment cluster build, what the client holds per segment. Storage traffic per
segment is derived from the file sizes (see docs/backfill.md).

    .venv/bin/python benchmarks/backfill_bench.py [--segments 40] [--seconds 20] [--repeats 2]
        [--skip-memory] [--workdir DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from build_bench import make_show  # noqa: E402

TARGET = 1.2
#: The client process: segcast's command line, then its own peak RSS (KiB) into a file. VmHWM,
#: not getrusage's ru_maxrss: Linux carries a parent's peak over exec into ru_maxrss.
CLIENT = """
import re, sys
from pathlib import Path
from segcast.cli import main
rss = sys.argv.pop(1)
try:
    main()
finally:
    status = Path("/proc/self/status").read_text()
    Path(rss).write_text(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))
"""
#: A LocalCluster in a process of its own: prints its address, lives until stdin closes. The
#: workers' statistical profiler is off, as docs/backfill.md recommends for ffmpeg-bound jobs
#: (it samples Python stacks every 10 ms; idle, it took the cluster from 0.083 to 0.106 CPU s/s).
CLUSTER = """
import sys
import dask
dask.config.set({"distributed.worker.profile.enabled": False})
from distributed import LocalCluster
with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                  dashboard_address=None) as cluster:
    print(cluster.scheduler_address, flush=True)
    sys.stdin.read()
"""


def noop(n: int) -> int:
    return n


def tree_cpu(pid: int | None) -> float:
    """Return the CPU seconds of process ``pid`` and its descendants, reaped children included."""
    import psutil

    if pid is None:
        return 0.0
    total = 0.0
    root = psutil.Process(pid)
    for process in [root, *root.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def build(
    show: Path, out: Path, workdir: Path, *extra: str, cluster: int | None = None
) -> dict[str, float]:
    """Run one ``segcast build`` process; return its wall time, CPU seconds (the build, its
    children and, given its process id, the cluster's) and the client's peak RSS (MB)."""
    rss = workdir / "rss.txt"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cluster_before = tree_cpu(cluster)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CLIENT, str(rss), "build", str(show), "-o", str(out), *extra],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"segcast build {show} failed:\n{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    cpu += tree_cpu(cluster) - cluster_before
    return {"wall": wall, "cpu": cpu, "client_mb": int(rss.read_text()) / 1024}


def cold_copy(template: Path, workdir: Path, name: str) -> Path:
    target = workdir / name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target, ignore=shutil.ignore_patterns(".segcast", "public"))
    return target


def per_job_overhead(executor: Executor, jobs: int = 400) -> float:
    """Return the wall milliseconds per no-op job through ``executor`` (after a warm-up)."""
    list(executor.map(noop, range(8)))
    start = time.perf_counter()
    futures = [executor.submit(noop, n) for n in range(jobs)]
    for future in futures:
        future.result()
    return (time.perf_counter() - start) * 1000 / jobs


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--segments", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
        import distributed
    except ImportError:
        print("skipped: the dask extra is not installed (pip install -e '.[dask]')")
        return 0

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="segcast-backfill-"))
    workdir.mkdir(parents=True, exist_ok=True)
    template = make_show(workdir / "template", args.segments, None, args.seconds / 60)
    started = time.perf_counter()
    cluster = subprocess.Popen(
        [sys.executable, "-c", CLUSTER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert cluster.stdout is not None and cluster.stdin is not None
    address = cluster.stdout.readline().strip()
    cluster_start = time.perf_counter() - started
    results: dict[str, Any] = {"segments": args.segments, "seconds": args.seconds}
    try:
        sides = {"local": ("--jobs", "2"), "cluster": ("--cluster", address)}
        pids = {"local": None, "cluster": cluster.pid}
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in sides}
        for _ in range(args.repeats):
            for name, extra in sides.items():
                show = cold_copy(template, workdir, name)
                out = workdir / f"{name}-out"
                runs[name].append(build(show, out, workdir, *extra, cluster=pids[name]))
        for name in sides:
            best = min(runs[name], key=lambda run: run["wall"])
            results[name] = {
                "wall_s": round(best["wall"], 2),
                "cpu_s": round(min(r["cpu"] for r in runs[name]), 2),
                "walls_s": [round(r["wall"], 2) for r in runs[name]],
                "client_peak_mb": round(max(r["client_mb"] for r in runs[name]), 1),
            }
        results["ratio"] = round(results["cluster"]["wall_s"] / results["local"]["wall_s"], 3)
        results["cpu_ratio"] = round(results["cluster"]["cpu_s"] / results["local"]["cpu_s"], 3)
        results["load_average"] = round(os.getloadavg()[0], 2)
        extra_wall = results["cluster"]["wall_s"] - results["local"]["wall_s"]
        results["extra_ms_per_audio_job"] = round(extra_wall * 2 * 1000 / (2 * args.segments))
        with ProcessPoolExecutor(max_workers=2) as pool:
            results["noop_ms_per_job_local"] = round(per_job_overhead(pool), 3)
        with distributed.Client(address, set_as_default=False) as client:
            executor = client.get_executor(pure=False)
            results["noop_ms_per_job_cluster"] = round(per_job_overhead(executor), 3)
        results["cluster_start_s"] = round(cluster_start, 2)
        show = workdir / "cluster"
        raw = sum(p.stat().st_size for p in (show / "raw").iterdir())
        mp3 = sum(p.stat().st_size for p in (show / "audio").iterdir() if p.suffix == ".mp3")
        results["raw_mb_per_segment"] = round(raw / args.segments / 1e6, 3)
        results["mp3_mb_per_segment"] = round(mp3 / args.segments / 1e6, 3)
        if not args.skip_memory:
            peaks = {}
            for count in (10, 100):
                small = make_show(workdir / f"memory-{count}", count, None, 1 / 60)
                out = workdir / f"m{count}-out"
                peaks[count] = build(small, out, workdir, *sides["cluster"], cluster=cluster.pid)
            per = (peaks[100]["client_mb"] - peaks[10]["client_mb"]) * 1024 / 90
            results["client_kb_per_segment"] = round(per, 1)
            results["client_peak_mb_10_100"] = [
                round(peaks[10]["client_mb"], 1),
                round(peaks[100]["client_mb"], 1),
            ]
    finally:
        cluster.stdin.close()
        cluster.wait(timeout=60)
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    if args.json:
        print(json.dumps(results, indent=2))
    else:
        n, s = args.segments, args.seconds
        print(f"backfill of {n} segments of {s:g} s, 2 cores, best of {args.repeats}:")
        print("| side | wall s (best) | every run's wall s | CPU s | client peak MB |")
        print("|---|---:|---|---:|---:|")
        for name in ("local", "cluster"):
            side = results[name]
            walls = ", ".join(str(wall) for wall in side["walls_s"])
            print(
                f"| {name} | {side['wall_s']} | {walls} | {side['cpu_s']} | "
                f"{side['client_peak_mb']} |"
            )
        print(
            f"cluster / local: {results['ratio']} wall (target <= {TARGET}), "
            f"{results['cpu_ratio']} CPU; load average {results['load_average']}"
        )
        print(
            f"per job: no-op {results['noop_ms_per_job_local']} ms on the process pool, "
            f"{results['noop_ms_per_job_cluster']} ms on the cluster; "
            f"{results['extra_ms_per_audio_job']} ms extra wall per audio job (cluster - local)"
        )
        print(f"cluster start-up (not in the walls): {results['cluster_start_s']} s")
        print(
            f"per segment: raw {results['raw_mb_per_segment']} MB, "
            f"MP3 {results['mp3_mb_per_segment']} MB"
        )
        if "client_kb_per_segment" in results:
            print(
                f"client memory: {results['client_peak_mb_10_100']} MB peak for 10 and 100 "
                f"segments: {results['client_kb_per_segment']} KB per segment"
            )
    return 0 if results["ratio"] <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
