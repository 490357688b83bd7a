# SPDX-License-Identifier: MIT
"""Helpers of the tampering tests: running the tracer and strace with the same
arguments in the same directory and comparing what they print."""

from __future__ import annotations

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "integration"))
from itest import Test  # noqa: E402,F401

ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "LC_ALL": "C",
    "LANG": "C",
    "TZ": "UTC",
    "HOME": "/",
}

_HEX = re.compile(r"0x[0-9a-f]{6,}")
_PID_PREFIX = re.compile(r"^(\[pid +\d+\] |\d+ +)")
_VARS = re.compile(r"/\* \d+ vars \*/")


def normalise(log: str, extra=()) -> list:
    """Trace lines without run-to-run noise: pid prefixes, addresses, the
    -T time, and whatever `extra` (regex, replacement) pairs remove."""
    out = []
    for line in log.splitlines():
        line = _PID_PREFIX.sub("", line)
        line = _HEX.sub("0xADDR", line)
        line = _VARS.sub("/* N vars */", line)
        line = re.sub(r" <\d+\.\d+>$", " <T>", line)
        for rx, rep in extra:
            line = re.sub(rx, rep, line)
        out.append(line)
    return out


def run_both(t: Test, args: list, tag: str, cwd: str | None = None, timeout: float = 60):
    """Runs `tracer -o LOG args` and `strace -o LOG args`; returns
    ((rc, out, err, log), (rc, out, err, log)) for syscope and strace (the
    strace tuple is None without strace)."""
    cwd = cwd or t.tmp
    res = []
    for name, exe in (("syscope", t.tracer), ("strace", t.strace)):
        if not exe:
            res.append(None)
            continue
        log = os.path.join(t.tmp, "%s.%s.log" % (tag, name))
        rc, out, err, _ = t.run([exe, "-o", log] + args, timeout=timeout, cwd=cwd, env=ENV)
        res.append((rc, out, err, t.read(log)))
    return res[0], res[1]


def strip_prefix(err: str) -> str:
    """stderr with the program name of the tracer's own messages removed."""
    return re.sub(r"^\S*(strace|syscope): ", "TRACER: ", err, flags=re.M)
