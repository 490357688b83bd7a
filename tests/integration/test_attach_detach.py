#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""-p attach to a running sleeper, then SIGINT the tracer: the tracer exits
promptly, the sleeper is untraced and not stopped, keeps running, sees no
EINTR/short sleep, and later exits normally with its own status."""
import os
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itest import Test, signalled_as_shell, tail  # noqa: E402

t = Test(__doc__)
sleeper = t.prog("sleeper")
d = t.tmp
counter = os.path.join(d, "counter")


def count() -> int:
    try:
        return int(t.read(counter).strip() or 0)
    except ValueError:
        return 0


# The sleeper is our own child, so we can collect its real exit status.
sp = subprocess.Popen([sleeper, d, "1200", "17"], start_new_session=True,
                      stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    t.check(t.wait_for(lambda: count() >= 3, 10), "sleeper is running (counter advances)")
    log = os.path.join(d, "attach.log")
    tp = subprocess.Popen([t.tracer, "-p", str(sp.pid), "-o", log], stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=Test._pre())

    def traced_lines():
        return [l for l in t.read(log).splitlines() if l.startswith(("getppid()", "nanosleep(", "pwrite64("))]

    ok = t.check(t.wait_for(lambda: len(traced_lines()) >= 6, 15), "trace lines appear in the -p log",
                 tail(t.read(log)))
    st = t.proc_status(sp.pid)
    t.check(st.get("TracerPid") == str(tp.pid), "sleeper's TracerPid is the tracer while attached",
            "TracerPid=%s tracer=%d" % (st.get("TracerPid"), tp.pid))
    text = t.read(log)
    t.check(re.search(r"^getppid\(\) += %d$" % os.getpid(), text, re.M) is not None,
            "getppid() lines show the real parent pid", tail(text))

    c_before = count()
    t0 = time.monotonic()
    tp.send_signal(signal.SIGINT)
    try:
        rc = tp.wait(timeout=5)
    except subprocess.TimeoutExpired:
        rc = None
        tp.kill()
        tp.wait()
    dt = time.monotonic() - t0
    err = tp.stderr.read().decode("utf-8", "replace")
    t.check(rc is not None, "tracer exits within 5 s of SIGINT (%.2fs)" % dt, err)
    t.check(rc is not None and signalled_as_shell(rc, signal.SIGINT),
            "tracer status after SIGINT is death by SIGINT / 130 as with strace", "rc=%r" % rc)

    # Untraced, not stopped, making progress.
    states = []
    for _ in range(10):
        s = t.proc_status(sp.pid)
        states.append((s.get("State", "?"), s.get("TracerPid", "?")))
        time.sleep(0.05)
    t.check(all(tr == "0" for _, tr in states), "TracerPid: 0 after detach", repr(states))
    t.check(all(not stt.startswith(("T", "t")) for stt, _ in states), "sleeper not stopped (state not T/t)", repr(states))
    t.check(t.wait_for(lambda: count() >= c_before + 4, 5), "sleeper keeps running after detach",
            "counter %d -> %d" % (c_before, count()))
    t.check(sp.poll() is None, "sleeper still alive after detach")

    # Let it finish on its own.
    open(os.path.join(d, "stop"), "w").close()
    try:
        src = sp.wait(timeout=10)
    except subprocess.TimeoutExpired:
        src = None
    t.check(src == 17, "sleeper exits normally with its own status 17", "status %r" % src)
    done = t.read(os.path.join(d, "done"))
    t.check(done.startswith("done "), "sleeper wrote its completion marker", repr(done))
    t.check(" eintr=0 " in done, "no nanosleep saw EINTR (attach/detach invisible)", done)
    t.check(done.rstrip().endswith("short=0"), "no nanosleep was cut short", done)
finally:
    if sp.poll() is None:
        sp.kill()
        sp.wait()
t.finish()
