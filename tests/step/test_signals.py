#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Signals while stepping: a signal sent from outside while the program
waits (the handler's instructions are counted, the interrupted syscall
once), and Ctrl-C (SIGINT to syscope) detaching cleanly: an attached process
goes on running untraced, with no breakpoint or trap left behind."""

import os
import signal
import subprocess
import time

from steptest import StepTest

t = StepTest(__doc__)


def children_of(pid):
    out = []
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/children" % (pid, tid)) as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def status_field(pid, name):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(name + ":"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None


def wait_for(cond, timeout=30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.02)
    return False


def utime(pid):
    with open("/proc/%d/stat" % pid) as f:
        return int(f.read().rsplit(")", 1)[1].split()[11])


# 1. A signal from outside while the program sits in pause().
p = subprocess.Popen([t.syscope, "step", t.asm("step_pause")], stderr=subprocess.PIPE, text=True)
child = []
ok = wait_for(lambda: bool(children_of(p.pid)) and child.append(children_of(p.pid)[0]) is None)


def in_pause():
    try:
        with open("/proc/%d/syscall" % child[0]) as f:
            return f.read().split()[0] == "34"
    except (OSError, IndexError):
        return False


ok = ok and wait_for(in_pause)
t.check(ok, "step_pause reaches pause() under syscope step")
if ok:
    os.kill(child[0], signal.SIGUSR1)
err = p.communicate(timeout=60)[1]
s = t.summary(err)
t.check(p.returncode == 0 and s and s[0] == 217 and s[1] == 4,
        "external SIGUSR1 during pause: 217 instructions, 4 syscalls", "rc=%s %s\n%s" % (p.returncode, s, err[-1000:]))

# 2. Ctrl-C while stepping an attached process: detach, it runs on.
for extra in ([], ["--only", "work"], ["--trace", "-o", "/dev/null"]):
    spin = subprocess.Popen([t.asm("step_spin")])
    time.sleep(0.1)
    p = subprocess.Popen([t.syscope, "step"] + extra + ["-p", str(spin.pid)], stderr=subprocess.PIPE, text=True)
    traced = wait_for(lambda: status_field(spin.pid, "TracerPid") not in (None, "0"))
    time.sleep(1.0)
    p.send_signal(signal.SIGINT)
    try:
        err = p.communicate(timeout=60)[1]
    except subprocess.TimeoutExpired:
        p.kill()
        err = p.communicate()[1] + "(timeout)"
    s = t.summary(err)
    what = "-p %s: Ctrl-C" % " ".join(extra)
    t.check(traced and p.returncode == 130 and s is not None and s[0] > 0,
            "%s: syscope exits 130 with the count so far (%s)" % (what, s and s[0]), err[-1000:])
    time.sleep(0.2)
    alive = spin.poll() is None
    state = status_field(spin.pid, "State") or ""
    tracer = status_field(spin.pid, "TracerPid")
    u0 = utime(spin.pid) if alive else 0
    time.sleep(0.5)
    u1 = utime(spin.pid) if spin.poll() is None else u0
    t.check(alive and tracer == "0" and state[:1] in ("R", "S") and u1 > u0,
            "%s: the process runs on untraced (state %s, TracerPid %s)" % (what, state, tracer),
            "exit status %s" % spin.poll())
    spin.kill()
    spin.wait()
    t.check(spin.returncode == -signal.SIGKILL, "%s: it was still alive until we killed it (%s)" % (what, spin.returncode))

# 3. Ctrl-C on a started command: like strace, the command gets the signal.
p = subprocess.Popen([t.syscope, "step", t.asm("step_spin")], stderr=subprocess.PIPE, text=True)
wait_for(lambda: bool(children_of(p.pid)))
kids = children_of(p.pid)
time.sleep(0.5)
p.send_signal(signal.SIGINT)
err = p.communicate(timeout=60)[1]
s = t.summary(err)
t.check(p.returncode == 130 and s is not None and s[0] > 0 and "interrupted" in err,
        "started command: Ctrl-C ends syscope with 130 and the count", err[-800:])
gone = wait_for(lambda: all(not os.path.exists("/proc/%d" % k) or status_field(k, "State").startswith("Z") for k in kids), 10)
t.check(gone, "started command: it ended with the signal, nothing left behind")

t.done()
