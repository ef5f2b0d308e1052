"""The audio jobs on a Dask cluster (``segcast build --cluster tcp://HOST:8786``).

Dask's own scheduler does the placing, the rescheduling of a lost worker's tasks and the
bookkeeping; segcast only submits the same jobs it gives the local process pool, behind the same
``concurrent.futures.Executor`` interface (``distributed.Client.submit``), so retries, progress
and the cache's record of each finished job (``jobs.py``) are the same code as a local build.

Assumed: every worker sees the show folder at the same path as this machine (a shared POSIX
filesystem: NFS, CephFS, Lustre, a bind mount), runs the same segcast and ffmpeg, and can rename
a file within ``audio/`` (each output is a temp name renamed into place, so a lost worker leaves
no half file that counts as done). Checked before the first job: a worker that does not see the
folder is an error naming it. Not done: object storage (``s3://``) through fsspec, path maps.

``distributed`` is the optional extra ``segcast[dask]``; it is imported only here, only when a
build asks for a cluster.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from contextlib import suppress
from pathlib import Path
from typing import Any, TypeVar

from segcast.build.jobs import ExecutorFactory
from segments.errors import InputError

__all__ = ["CONNECT_TIMEOUT_SECONDS", "ClusterExecutor", "cluster_executor"]

_R = TypeVar("_R")

#: How long connecting to the scheduler may take before the build gives up.
CONNECT_TIMEOUT_SECONDS = 30


def _sees(folder: str) -> bool:
    """Run on each worker: whether it sees ``folder`` (the show folder) and may write in it."""
    return os.path.isdir(folder) and os.access(folder, os.W_OK)


class ClusterExecutor(Executor):
    """A ``concurrent.futures.Executor`` on a ``distributed.Client``; closes the client at the end.

    ``width`` is how many jobs the cluster runs at once (its workers' threads), for progress.
    """

    def __init__(self, client: Any) -> None:
        self._client = client
        self._executor = client.get_executor(pure=False)

    @property
    def width(self) -> int:
        """The cluster's threads, all workers together (at least 1)."""
        workers = self._client.scheduler_info(n_workers=-1).get("workers", {})
        return max(1, sum(int(info.get("nthreads", 1)) for info in workers.values()))

    def submit(self, fn: Callable[..., _R], /, *args: Any, **kwargs: Any) -> Future[_R]:
        """Run ``fn(*args)`` on some worker; Dask reschedules it if that worker is lost."""
        future: Future[_R] = self._executor.submit(fn, *args, **kwargs)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Cancel what is left when asked, then close the connection."""
        try:
            self._executor.shutdown(wait=wait and not cancel_futures)
        finally:
            self._client.close()


def connect(address: str, show_dir: Path) -> ClusterExecutor:
    """Connect to the scheduler at ``address`` and check every worker sees ``show_dir``."""
    try:
        import distributed
    except ImportError as exc:
        raise InputError(
            "--cluster needs the dask extra: pip install 'segcast[dask]'", address
        ) from exc
    make: Any = distributed.Client  # untyped; the one call site
    try:
        client: Any = make(address, timeout=CONNECT_TIMEOUT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"cannot reach the Dask scheduler: {exc}", address) from exc
    try:
        folder = os.path.abspath(show_dir)
        seen = client.run(_sees, folder)
    except Exception as exc:
        client.close()
        raise InputError(f"the cluster's workers cannot run segcast: {exc}", address) from exc
    blind = sorted(worker for worker, ok in seen.items() if not ok)
    if not seen:
        client.close()
        raise InputError("the Dask cluster has no worker", address)
    if blind:
        client.close()
        raise InputError(
            f"cannot be seen (or written) at this path by worker {', '.join(blind)}: mount the "
            "shared storage at the same path on every worker",
            show_dir,
        )
    return ClusterExecutor(client)


def cluster_executor(address: str, show_dir: Path) -> ExecutorFactory:
    """Return the factory of the build's executor on the cluster at ``address``.

    The connection is made when the first audio job needs it: a rebuild with nothing to master
    or tag does not need the cluster up.
    """

    # Importing distributed takes about a second of CPU: done while the read, import and pair
    # stages run, not after them (a failed import is reported by ``connect``).
    threading.Thread(target=_import_distributed, name="import-distributed", daemon=True).start()

    def factory(_jobs: int) -> Executor:
        return connect(address, show_dir)

    return factory


def _import_distributed() -> None:
    with suppress(ImportError):
        import distributed  # noqa: F401
