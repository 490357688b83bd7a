#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Exact instruction counts of `syscope step` (count mode, and the same
totals in --profile and --trace modes) on hand-written assembly programs with
known counts, and a deterministic C program that counts the same every run."""

from steptest import StepTest

t = StepTest(__doc__)

# program, args, expected (instructions, syscalls) without -f
EXPECT = [
    ("step_loop", [], 20004, 1),        # plain loop
    ("step_calls", [], 7004, 1),        # calls and returns
    ("step_syscall", [], 4004, 1001),   # a syscall instruction inside the loop
    ("step_signal", [], 4021, 5),       # a signal handler runs mid-loop
    ("step_threads", [], 6013, 2),      # main thread only without -f
    ("step_fork", [], 4015, 3),         # parent only without -f
]

for name, args, ins, sysc in EXPECT:
    for rep in (1, 2):
        rc, out, err, _, _ = t.step([t.asm(name)] + args)
        s = t.summary(err)
        t.check(rc == 0 and s is not None and s[0] == ins and s[1] == sysc,
                "%s run %d: %d instructions, %d syscalls" % (name, rep, ins, sysc),
                "rc=%s summary=%s\n%s" % (rc, s, err[-2000:]))

# exec: 5 instructions of step_exec (the execve counted once) + step_loop.
rc, out, err, _, _ = t.step([t.asm("step_exec"), t.asm("step_loop")])
s = t.summary(err)
t.check(rc == 0 and s and s[0] == 20009 and s[1] == 2 and s[2] == 1,
        "exec: 20009 instructions, 2 syscalls in one process", "%s\n%s" % (s, err[-2000:]))

# -f: per thread and per process.
rc, out, err, _, _ = t.step(["-f", t.asm("step_threads")])
s = t.summary(err)
rows = t.rows(err)
threads = sorted((r[0], r[1]) for r in rows if r[3] != "total")
totals = [r for r in rows if r[3] == "total"]
t.check(rc == 0 and s and s[0] == 16019 and s[1] == 3 and s[2] == 1 and s[3] == 2,
        "-f two threads: 16019 instructions, 3 syscalls, 1 process, 2 threads", "%s\n%s" % (s, err))
t.check(threads == [(6013, 2), (10006, 1)], "-f two threads: 6013 (main) and 10006 (new thread)", err)
t.check(len(totals) == 1 and totals[0][0] == 16019 and totals[0][1] == 3 and
        len({r[2] for r in rows}) == 1, "-f two threads: one process row with their sum", err)

rc, out, err, _, _ = t.step(["-f", t.asm("step_fork")])
s = t.summary(err)
rows = t.rows(err)
procs = sorted((r[0], r[1]) for r in rows if r[3] != "total")
t.check(rc == 0 and s and s[0] == 10021 and s[1] == 4 and s[2] == 2,
        "-f fork: 10021 instructions, 4 syscalls, 2 processes", "%s\n%s" % (s, err))
t.check(procs == [(4015, 3), (6006, 1)] and len({r[2] for r in rows}) == 2,
        "-f fork: parent 4015 / child 6006 in two processes", err)

rc, out, err, _, _ = t.step(["-f", t.asm("step_exec"), t.asm("step_loop")])
s = t.summary(err)
t.check(rc == 0 and s and s[0] == 20009, "-f exec: 20009", err[-1000:])

# The other modes count the same.
for mode in (["--profile"], ["--trace", "-o", t.path("trace.txt")], ["--folded", t.path("f.txt")]):
    rc, out, err, _, _ = t.step(mode + [t.asm("step_signal")])
    s = t.summary(err)
    t.check(rc == 0 and s and s[0] == 4021 and s[1] == 5, "%s: step_signal 4021 / 5" % mode[0], err[-1500:])
rc, out, err, _, _ = t.step(["-f", "--profile", t.asm("step_threads")])
s = t.summary(err)
t.check(rc == 0 and s and s[0] == 16019, "-f --profile threads: 16019", err[-1500:])

# A deterministic C program (dynamically linked: ld.so, libc) counts the
# same on every run, with and without address space randomisation.
counts = []
for extra in ([], [], ["--no-aslr"], ["--no-aslr"]):
    rc, out, err, _, _ = t.step(extra + [t.prog("step_libc"), "1"], timeout=600)
    s = t.summary(err)
    counts.append(s[0] if s else None)
    t.check(rc == 0 and s is not None and s[0] > 50000, "step_libc %s: counted (%s)" % (extra, s), err[-1500:])
t.check(len(set(counts)) == 1, "step_libc: the same count on every run %s" % counts)

t.done()
