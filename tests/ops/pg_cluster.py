"""A throwaway PostgreSQL cluster for fault tests.

initdb into a temporary directory, served by pg_ctl on a free loopback port with its unix
socket in that directory, so tests can stop and restart PostgreSQL without disturbing the
machine's own server on 5432. Durability is switched off: the cluster lives for one test run.
PostgreSQL refuses to run as root, so as root every server command runs as the `postgres`
system user (runuser), which then owns the directory.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SERVER_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "100",
    "log_min_messages": "warning",
}


def postgres_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's binaries (Debian keeps them off PATH), or None."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    if candidates:
        return candidates[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _accepts_connections(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


@dataclass
class PostgresCluster:
    root: Path
    port: int
    bin_dir: Path

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def url(self) -> str:
        return self.database_url("postgres")

    def database_url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def _run(self, *arguments: str) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / arguments[0]), *arguments[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)

    def init(self) -> None:
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            os.chown(self.root, account.pw_uid, account.pw_gid)
        self.root.chmod(0o700)
        self._run(
            "initdb", "-D", str(self.data_dir), "-U", "postgres", "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        settings = {**SERVER_SETTINGS, "port": str(self.port)}
        settings["unix_socket_directories"] = f"'{self.root}'"
        with (self.data_dir / "postgresql.conf").open("a") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())

    def start(self) -> None:
        """Start the server (no-op when it runs) and wait until it accepts connections."""
        if self.running:
            return
        self._run("pg_ctl", "-D", str(self.data_dir), "-l", str(self.root / "server.log"),
                  "-w", "-t", "30", "start")  # fmt: skip
        deadline = time.monotonic() + 30
        while not _accepts_connections(self.port):
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL did not start on port {self.port}")
            time.sleep(0.05)

    def stop(self, mode: str = "fast") -> None:
        """Stop the server; "fast" ends every session at once, as a restart in production does."""
        if self.running:
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()

    @property
    def running(self) -> bool:
        return (self.data_dir / "postmaster.pid").exists()

    def create_database(self, name: str) -> str:
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                  "-T", "template0", "-E", "UTF8", name)  # fmt: skip
        return self.database_url(name)


@contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    """Yield a running throwaway cluster; it is stopped and deleted when the block exits."""
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL server binaries not found (scripts/setup.sh installs them)")
    root = Path(tempfile.mkdtemp(prefix="tsunagu-pg-"))
    cluster = PostgresCluster(root=root, port=_free_port(), bin_dir=bin_dir)
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        try:
            cluster.stop(mode="immediate")
        finally:
            shutil.rmtree(root, ignore_errors=True)
