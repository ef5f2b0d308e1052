"""``segcast serve OUT``: preview a published folder on localhost until Ctrl-C."""

from __future__ import annotations

import contextlib
import ipaddress
import json
import signal
import threading
from pathlib import Path
from types import FrameType

import click

from segcast.serve import make_server


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.argument("out", type=click.Path(path_type=Path))
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="0: any free."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--json", "as_json", is_flag=True, help='Print {"url", "root", "port"} as JSON.')
@click.option("--quiet", is_flag=True, help="Do not log each request to stderr.")
def serve(out: Path, port: int, host: str, as_json: bool, quiet: bool) -> None:
    """Preview the published folder OUT over HTTP (Range, ETag, CORS) until Ctrl-C.

    Serves only files inside OUT: no dotfiles, nothing a symlink or a ".." would reach outside it.
    """
    server = make_server(out, host, port, quiet=quiet)
    in_main_thread = threading.current_thread() is threading.main_thread()
    # Before the URL is printed: whoever reads it may stop us at once. Signals can only be
    # handled in the main thread (an embedding program that runs us elsewhere keeps its own).
    previous = signal.signal(signal.SIGTERM, _stop) if in_main_thread else None
    try:
        with server, contextlib.suppress(KeyboardInterrupt):  # Ctrl-C or SIGTERM stops it
            if as_json:
                document = {"url": server.url, "root": str(server.root), "port": server.port}
                click.echo(json.dumps(document))
            else:
                click.echo(f"Serving {out} at {server.url} (Ctrl-C to stop)")
            if not _is_loopback(server.host):
                click.echo(f"note: {server.host} is reachable from other machines", err=True)
            server.serve_forever()
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if not as_json:
        click.echo("stopped")
