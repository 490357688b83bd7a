# SPDX-License-Identifier: MIT
"""Shared helpers of the integration tests (Python 3 standard library only).

Every test script takes:
    --tracer PATH    the tracer under test (syscope; /usr/bin/strace to
                     validate the test itself)
    --progs DIR      directory of built tests/progs helpers
    --strace PATH    reference strace for "same as strace" checks (optional;
                     those checks are skipped when it is absent)
and exits 0 on success, 1 on failure (every failed check is printed).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PREFIX_RE = re.compile(r"^(\d+) +")


class Test:
    def __init__(self, description: str):
        ap = argparse.ArgumentParser(description=description)
        ap.add_argument("--tracer", required=True)
        ap.add_argument("--progs", default=None)
        ap.add_argument("--strace", default="/usr/bin/strace")
        ap.add_argument("--keep", action="store_true", help="keep the scratch directory")
        self.args = ap.parse_args()
        self.tracer = os.path.abspath(self.args.tracer)
        self.name = os.path.basename(self.tracer)
        self.progs = os.path.abspath(self.args.progs) if self.args.progs else None
        self.strace = self.args.strace if (self.args.strace and os.access(self.args.strace, os.X_OK)) else None
        self.failures: list[str] = []
        self.checks = 0
        self.tmp = tempfile.mkdtemp(prefix="syscope-it-")
        if not os.access(self.tracer, os.X_OK):
            print("FAIL: tracer %s does not exist or is not executable" % self.tracer)
            sys.exit(1)

    # ------------------------------------------------------------------
    def prog(self, name: str) -> str:
        p = os.path.join(self.progs, name)
        if not os.access(p, os.X_OK):
            print("FAIL: helper program %s not built" % p)
            sys.exit(1)
        return p

    def check(self, cond: bool, what: str, detail: str = "") -> bool:
        self.checks += 1
        if cond:
            print("ok   %s" % what)
        else:
            print("FAIL %s%s" % (what, ("\n     " + detail.replace("\n", "\n     ")) if detail else ""))
            self.failures.append(what)
        return cond

    def finish(self) -> None:
        if not self.args.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)
        else:
            print("scratch directory kept: %s" % self.tmp)
        if self.failures:
            print("RESULT: FAIL (%d of %d checks failed)" % (len(self.failures), self.checks))
            sys.exit(1)
        print("RESULT: PASS (%d checks)" % self.checks)
        sys.exit(0)

    # ------------------------------------------------------------------
    @staticmethod
    def _pre(core_limit=None):
        def pre():
            # A tracer started from a script may inherit SIG_IGN for SIGINT /
            # SIGQUIT (background jobs of non-interactive shells): start from
            # the defaults so the tests test the tracer, not the environment.
            for s in (signal.SIGINT, signal.SIGQUIT, signal.SIGPIPE, signal.SIGTERM):
                signal.signal(s, signal.SIG_DFL)
            if core_limit is not None:
                import resource
                resource.setrlimit(resource.RLIMIT_CORE, (core_limit, core_limit))
        return pre

    def run(self, argv: list, timeout: float = 60, cwd: str | None = None, env: dict | None = None,
            core_limit=None, stdin=subprocess.DEVNULL, argv0: str | None = None):
        """Run to completion. Returns (returncode, stdout, stderr, seconds);
        returncode None on timeout (the process group is killed).  argv0
        replaces argv[0] (the executable stays argv[0])."""
        t0 = time.monotonic()
        exe = argv[0]
        if argv0 is not None:
            argv = [argv0] + list(argv[1:])
        p = subprocess.Popen(argv, executable=exe, cwd=cwd or self.tmp, env=env, stdin=stdin,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True, preexec_fn=self._pre(core_limit))
        try:
            out, err = p.communicate(timeout=timeout)
            rc = p.returncode
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            out, err = p.communicate()
            rc = None
        return rc, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), time.monotonic() - t0

    @staticmethod
    def read(path: str) -> str:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                return f.read()
        except FileNotFoundError:
            return ""

    @staticmethod
    def proc_status(pid: int) -> dict:
        d = {}
        try:
            with open("/proc/%d/status" % pid) as f:
                for ln in f:
                    k, _, v = ln.partition(":")
                    d[k] = v.strip()
        except (FileNotFoundError, ProcessLookupError):
            pass
        return d

    @staticmethod
    def wait_for(pred, timeout: float, step: float = 0.02) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if pred():
                return True
            time.sleep(step)
        return bool(pred())


def signalled_as_shell(rc, sig: int) -> bool:
    """A tracer that dies by signal N (as strace does) or exits with 128+N."""
    return rc == -sig or rc == 128 + sig


def split_pid(line: str):
    m = PREFIX_RE.match(line)
    if m:
        return int(m.group(1)), line[m.end():]
    return None, line


def tail(text: str, n: int = 8) -> str:
    lines = text.splitlines()
    return "\n".join(lines[-n:])
