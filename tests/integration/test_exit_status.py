#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Exit status propagation: codes 0/1/42/255, deaths by SIGTERM/SIGKILL/
SIGHUP/SIGUSR1/SIGSEGV (with RLIMIT_CORE 0 and, where the core pattern
allows, with core dumps).  The tracer exits with the code, or dies by the same
signal / exits 128+N; the log's last line is the right +++ line (compared to
strace's in the same setup when strace is available); the tracer itself
never dumps core."""
import os
import re
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itest import Test, signalled_as_shell, tail  # noqa: E402

t = Test(__doc__)
prog = t.prog("exitwith")


def last_line(path):
    lines = t.read(path).splitlines()
    return lines[-1] if lines else ""


def strip_pid(line):
    return re.sub(r"^\d+ +", "", line)


def ref_last(argv, core_limit, cwd):
    """strace's last log line for the same run (pid prefix removed)."""
    if not t.strace:
        return None
    log = os.path.join(cwd, "ref.log")
    t.run([t.strace, "-o", log] + argv, timeout=30, cwd=cwd, core_limit=core_limit)
    return strip_pid(last_line(log))


for code in (0, 1, 42, 255):
    log = os.path.join(t.tmp, "code%d.log" % code)
    rc, out, err, _ = t.run([t.tracer, "-o", log, prog, "code", str(code)], timeout=30)
    t.check(rc == code, "exit %d propagated" % code, "rc=%r %s" % (rc, err.strip()))
    t.check(last_line(log) == "+++ exited with %d +++" % code, "log ends with '+++ exited with %d +++'" % code,
            tail(t.read(log), 3))
    log = os.path.join(t.tmp, "fcode%d.log" % code)
    rc, out, err, _ = t.run([t.tracer, "-f", "-o", log, prog, "code", str(code)], timeout=30)
    t.check(rc == code, "-f: exit %d propagated" % code, "rc=%r" % rc)
    t.check(strip_pid(last_line(log)) == "+++ exited with %d +++" % code, "-f: log ends with '+++ exited with %d +++'" % code)

signals = [(signal.SIGTERM, True), (signal.SIGKILL, False), (signal.SIGHUP, True), (signal.SIGUSR1, True)]
for sig, delivered in signals:
    name = signal.Signals(sig).name
    log = os.path.join(t.tmp, "sig%d.log" % sig)
    rc, out, err, _ = t.run([t.tracer, "-o", log, prog, "signal", str(int(sig))], timeout=30, core_limit=0)
    t.check(rc is not None and signalled_as_shell(rc, sig), "death by %s -> tracer status 128+%d" % (name, sig),
            "rc=%r %s" % (rc, err.strip()))
    t.check(last_line(log) == "+++ killed by %s +++" % name, "log ends with '+++ killed by %s +++'" % name,
            tail(t.read(log), 3))
    text = t.read(log)
    if delivered:
        t.check(re.search(r"^--- %s \{si_signo=%s, si_code=SI_USER, si_pid=\d+, si_uid=\d+\} ---$" % (name, name),
                          text, re.M) is not None, "--- %s {...} --- line present" % name, tail(text, 4))

# SIGSEGV, no core
for core_limit, tagname in ((0, "RLIMIT_CORE=0"), (-1, "RLIMIT_CORE=unlimited")):
    cwd = os.path.join(t.tmp, "segv%d" % (core_limit + 1))
    os.makedirs(cwd)
    log = os.path.join(cwd, "segv.log")
    lim = core_limit if core_limit >= 0 else -1
    import resource
    lim = lim if lim >= 0 else resource.RLIM_INFINITY
    rc, out, err, _ = t.run([t.tracer, "-o", log, prog, "segv"], timeout=60, cwd=cwd, core_limit=lim)
    t.check(rc is not None and signalled_as_shell(rc, signal.SIGSEGV), "%s: SIGSEGV -> tracer status 139" % tagname,
            "rc=%r %s" % (rc, err.strip()))
    text = t.read(log)
    t.check(re.search(r"^--- SIGSEGV \{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL\} ---$", text, re.M) is not None,
            "%s: --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---" % tagname, tail(text, 3))
    got = last_line(log)
    ok_form = got in ("+++ killed by SIGSEGV +++", "+++ killed by SIGSEGV (core dumped) +++")
    t.check(ok_form, "%s: last line is '+++ killed by SIGSEGV [(core dumped)] +++'" % tagname, got)
    if core_limit == 0:
        t.check(got == "+++ killed by SIGSEGV +++", "%s: no '(core dumped)'" % tagname, got)
    cores_before = set(f for f in os.listdir(cwd) if f.startswith("core"))
    refcwd = os.path.join(cwd, "ref")
    os.makedirs(refcwd)
    ref = ref_last([prog, "segv"], lim, refcwd)
    if ref is not None:
        t.check(got == ref, "%s: same +++ line as strace in the same setup" % tagname, "got %r, strace %r" % (got, ref))
    # the tracer must not dump core itself (strace sets RLIMIT_CORE=0 before re-raising)
    if got.endswith("(core dumped) +++"):
        t.check(len(cores_before) <= 1, "%s: only the program dumped core, not the tracer" % tagname,
                repr(sorted(cores_before)))
t.finish()
