# SPDX-License-Identifier: MIT
"""Helpers of the `syscope step` tests (Python 3 standard library only).

Every test script takes:
    --syscope PATH   the syscope binary
    --bin DIR        the assembly test programs (tests/progs/step_*.S built
                     by tests/step/suite.cmake)
    --progs DIR      the C helper programs (tests/progs/*.c, e.g. step_libc)
and exits 0 on success, 1 on failure (every failed check is printed).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

SUMMARY_RE = re.compile(
    r"^syscope step: (\d+) instructions?, (\d+) syscalls?, (\d+) process(?:es)?, (\d+) threads?", re.M)
ROW_RE = re.compile(r"^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+|total)\s+(\S*)\s*$", re.M)
TRACE_RE = re.compile(r"^\[(\d+)\] 0x([0-9a-f]+) <([^>]*)> (.*)$")


class StepTest:
    def __init__(self, description: str):
        ap = argparse.ArgumentParser(description=description)
        ap.add_argument("--syscope", required=True)
        ap.add_argument("--bin", required=True)
        ap.add_argument("--progs", required=True)
        ap.add_argument("--keep", action="store_true")
        self.args = ap.parse_args()
        self.syscope = os.path.abspath(self.args.syscope)
        self.bindir = os.path.abspath(self.args.bin)
        self.progdir = os.path.abspath(self.args.progs)
        self.failures: list[str] = []
        self.checks = 0
        self.tmp = tempfile.mkdtemp(prefix="syscope-step-")

    def asm(self, name: str) -> str:
        p = os.path.join(self.bindir, name)
        if not os.access(p, os.X_OK):
            print("FAIL: test program %s not built" % p)
            sys.exit(1)
        return p

    def prog(self, name: str) -> str:
        p = os.path.join(self.progdir, name)
        if not os.access(p, os.X_OK):
            print("FAIL: helper program %s not built" % p)
            sys.exit(1)
        return p

    def path(self, name: str) -> str:
        return os.path.join(self.tmp, name)

    def check(self, cond: bool, what: str, detail: str = "") -> bool:
        self.checks += 1
        if cond:
            print("ok   %s" % what)
        else:
            print("FAIL %s%s" % (what, ("\n     " + detail.replace("\n", "\n     ")) if detail else ""))
            self.failures.append(what)
        sys.stdout.flush()
        return cond

    def step(self, args: list[str], timeout: float = 240, cwd: str | None = None, env=None):
        """Runs `syscope step ARGS`; returns (rc, stdout, stderr, wall_s, cpu_s):
        cpu_s is the user+system time of syscope and the programs it ran."""
        c0 = cpu_children()
        t0 = time.monotonic()
        p = subprocess.Popen([self.syscope, "step"] + args, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, cwd=cwd, env=env)
        try:
            out, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
            return -999, out, err + "\n(timeout)", time.monotonic() - t0, 0.0
        wall = time.monotonic() - t0
        return p.returncode, out, err, wall, cpu_children() - c0

    @staticmethod
    def summary(text: str):
        """(instructions, syscalls, processes, threads) of the summary line, or None."""
        m = SUMMARY_RE.search(text)
        return tuple(int(x) for x in m.groups()) if m else None

    @staticmethod
    def rows(text: str):
        """Table rows: (instructions, syscalls, pid, tid or 'total', program)."""
        out = []
        for m in ROW_RE.finditer(text):
            tid = m.group(4)
            out.append((int(m.group(1)), int(m.group(2)), int(m.group(3)),
                        tid if tid == "total" else int(tid), m.group(5)))
        return out

    def done(self) -> None:
        if not self.args.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)
        print("%d checks, %d failed" % (self.checks, len(self.failures)))
        sys.exit(1 if self.failures else 0)


def cpu_children() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime
