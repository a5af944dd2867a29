"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder and `pg_ctl start`
on a Unix socket in it (no TCP port). Needs Debian's `postgresql` package (or initdb/pg_ctl on
PATH); as root the server runs as the `postgres` user (initdb refuses root). `skip_reason()` says
why it cannot run here, else None."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid


def _bindir() -> str | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return os.path.dirname(found)
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: [int(x) for x in d.split("/")[-2].split(".")
                                                                          if x.isdigit()])
    dirs = [d for d in dirs if os.path.exists(os.path.join(d, "initdb")) and os.path.exists(os.path.join(d, "pg_ctl"))]
    return dirs[-1] if dirs else None


def _run_as() -> list | None:
    """Command prefix to run the server as a non-root user ([] when not root; None if impossible)."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return None
    runuser = shutil.which("runuser")
    return [runuser, "-u", "postgres", "--"] if runuser else None


def skip_reason() -> str | None:
    try:
        import psycopg  # noqa: F401  (only whether it is there)
    except ImportError:
        return "psycopg is not installed (pip install 'kehoach[postgresql]')"
    if _bindir() is None:
        return "no PostgreSQL server here (apt-get install -y postgresql)"
    if _run_as() is None:
        return "running as root without a 'postgres' user and runuser to start the server"
    return None


class Server:
    """start() / stop(); `url(db)` a connection URL; `new_database()` a fresh empty database."""

    def __init__(self):
        self.bindir = _bindir()
        self.prefix = _run_as()
        self.root = tempfile.mkdtemp(prefix="kh-pg-")
        self.data = os.path.join(self.root, "data")

    def _run(self, *args):
        subprocess.run(self.prefix + [os.path.join(self.bindir, args[0]), *args[1:]], check=True,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)

    def start(self) -> "Server":
        if self.prefix:
            os.chmod(self.root, 0o755)
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", self.data, "-U", "kehoach", "--auth=trust", "-E", "UTF8", "--no-locale",
                  "--no-sync")
        self._run("pg_ctl", "-D", self.data, "-l", os.path.join(self.root, "log"), "-w", "-t", "60",
                  "-o", f"-k {self.root} -c listen_addresses= -c fsync=off", "start")
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        except (subprocess.SubprocessError, OSError):
            pass
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://kehoach@/{db}?host={self.root}"

    def new_database(self) -> str:
        import psycopg
        name = "t" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)
