#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""-e inject= / -e fault= against strace 6.1.

For every case the tracer and strace run the same command with the same
expressions in the same directory: the program's stdout, stderr and exit
status must be the same, and so must the trace lines (after removing
addresses and pids). Then the items of issue 7 one by one: the third openat
of `cat a b c d` fails and only it; retval= reaches the program; signal=
runs its handler; delay_exit= delays measurably without holding up other
tracees; per-process and per-thread counting; seccomp-bpf; option errors."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tamperlib import ENV, Test, normalise, run_both, strip_prefix  # noqa: E402

t = Test(__doc__)
probe = t.prog("tamper_probe")
for name in "abcd":
    with open(os.path.join(t.tmp, name), "w") as f:
        f.write(name + "\n")

GETPPID = (r"^(getppid\(\) += )\d+", r"\1PID")
PIDS = ((r"^(getpid\(\) += )(\d+|0x[0-9a-f]+)$", r"\1PID"), (r"si_pid=\d+", "si_pid=PID"))
RT_SIGRETURN = (r"^(rt_sigreturn\(\{mask=\[\]\}\) += )\d+", r"\1PID")

# (tag, args, extra normalisation)
CASES = [
    ("when3", ["-e", "trace=openat", "-e", "inject=openat:error=ENOENT:when=3", "cat", "a", "b", "c", "d"], ()),
    ("fault2+2", ["-e", "trace=openat", "-e", "fault=openat:when=2+2", "cat", "a", "b", "c", "d"], ()),
    ("range", ["-e", "trace=openat", "-e", "inject=openat:error=EACCES:when=2..4", "cat", "a", "b", "c", "d"], ()),
    ("notraced", ["-e", "trace=openat", "-e", "inject=read:error=EIO", "cat", "a"], ()),
    ("retval", ["-e", "trace=getpid,getuid", "-e", "inject=getpid:retval=42", "-e", "inject=getuid:error=EPERM",
                probe, "getpid"], ()),
    ("signal", ["-e", "trace=getppid,rt_sigreturn", "-e", "inject=getppid:signal=SIGUSR1", probe, "signal"],
     (GETPPID, RT_SIGRETURN)),
    ("signal-sleep", ["-e", "trace=clock_nanosleep,rt_sigreturn", "-e", "inject=clock_nanosleep:signal=USR1",
                      probe, "sleep"], ()),
    ("signal-delay", ["-e", "trace=clock_nanosleep", "-e", "inject=clock_nanosleep:signal=USR1:delay_enter=10ms",
                      probe, "sleep"], ()),
    ("poke", ["-e", "trace=write", "-e", "inject=write:poke_enter=@arg2=4142434445:when=1", probe, "write"], ()),
    ("poke-exit", ["-e", "trace=write", "-e", "inject=write:poke_exit=@arg2=5a5a:retval=3:when=1", probe, "write"],
     ()),
    ("write-retval", ["-e", "trace=write", "-e", "inject=write:retval=1:when=2", probe, "write"], ()),
    ("delay", ["-e", "trace=chdir", "-e", "inject=chdir:delay_enter=10ms:delay_exit=5ms:when=2", probe, "chdir",
               "/usr"], ()),
    ("errno600", ["-e", "trace=chdir", "-e", "inject=chdir:error=600", probe, "chdir", "/usr"], ()),
    ("last-wins", ["-e", "trace=chdir", "-e", "inject=chdir:error=600:when=1", "-e",
                   "inject=chdir:error=EACCES:poke_enter=@arg1=2f746d70:when=3", probe, "chdir", "/usr"], ()),
    ("replace", ["-e", "trace=getpid", "-e", "inject=getpid:syscall=gettid:error=ENOENT:when=2+", probe, "count",
                 "4"], PIDS),
    ("error+delay", ["-e", "trace=getpid", "-e", "inject=getpid:error=ENOENT:delay_exit=1ms", probe, "count", "2"],
     ()),
    ("raw", ["-e", "trace=getpid", "-e", "raw=getpid", "-e", "inject=getpid:error=EIO:when=1", probe, "count", "2"],
     PIDS),
    ("timed", ["-T", "-e", "trace=getppid", "-e", "inject=getppid:delay_enter=50ms", probe, "timed", "1"],
     (GETPPID, (r"elapsed_ms=\d+", "elapsed_ms=N"))),
    ("forkcount", ["-f", "-e", "trace=getpid", "-e", "inject=getpid:error=EIO:when=2", probe, "forkcount", "3"],
     PIDS),
    # Threads: the order of lines between threads is the scheduler's.
    ("threadcount", ["-f", "-e", "trace=getpid", "-e", "inject=getpid:error=EIO:when=2", probe, "threadcount", "3"],
     "loose"),
    ("failed-only", ["-Z", "-e", "trace=openat", "-e", "inject=openat:error=ENOENT:when=3", "cat", "a", "b", "c"], ()),
    ("all-fault", ["-e", "trace=chdir,getpid", "-e", "fault=all:when=2", probe, "chdir", "/"], ()),
]

if not t.strace:
    print("SKIPPED: strace not found (the differential part needs it)")
else:
    for tag, args, extra in CASES:
        mine, ref = run_both(t, args, tag)
        t.check(mine[0] == ref[0], "%s: exit status %r (strace %r)" % (tag, mine[0], ref[0]))
        out_extra = [(r"elapsed_ms=\d+", "elapsed_ms=N")]
        t.check(normalise(mine[1], out_extra) == normalise(ref[1], out_extra), "%s: same program stdout" % tag,
                "syscope: %r\nstrace:  %r" % (mine[1], ref[1]))
        t.check(strip_prefix(mine[2]) == strip_prefix(ref[2]), "%s: same stderr" % tag,
                "syscope: %r\nstrace:  %r" % (mine[2], ref[2]))
        if extra == "loose":
            n_mine, n_ref = mine[3].count("(INJECTED)"), ref[3].count("(INJECTED)")
            t.check(n_mine == n_ref, "%s: as many injected calls (%d) as strace (%d)" % (tag, n_mine, n_ref))
            continue
        a, b = normalise(mine[3], extra), normalise(ref[3], extra)
        diff = "\n".join("- %s\n+ %s" % (x, y) for x, y in zip(b, a) if x != y)
        t.check(a == b, "%s: same trace lines (%d)" % (tag, len(b)),
                diff or "lengths %d vs %d\n%s" % (len(a), len(b), "\n".join(a[-5:])))
        marks = sorted(set(re.findall(r"\((?:INJECTED[^)]*|DELAYED)\)", mine[3])))
        if marks:
            print("     marks: %s" % " ".join(marks))

# --- Issue 7, item by item ---------------------------------------------------

# The third openat the process makes fails, and only it (the loader's count).
mine, ref = run_both(t, ["-e", "inject=openat:error=ENOENT:when=3", "cat", "a", "b", "c", "d"], "item1")
opens = [ln for ln in mine[3].splitlines() if ln.startswith("openat(")]
injected = [i for i, ln in enumerate(opens) if "(INJECTED)" in ln]
t.check(injected == [2], "when=3: only the third openat is injected", "\n".join(opens))
t.check(len(opens) >= 3 and '"a"' in opens[2] and opens[2].endswith("= -1 ENOENT (No such file or directory) (INJECTED)"),
        "when=3: the third openat is cat's open of 'a' and fails with ENOENT", opens[2] if len(opens) > 2 else "")
t.check(mine[0] == 1 and "cat: a: No such file or directory" in mine[2] and mine[1] == "b\nc\nd\n",
        "cat reports a, prints b c d, exits 1", repr(mine[:3]))
if ref:
    t.check(mine[:3] == ref[:3], "cat under syscope == cat under strace (stdout, stderr, status)")

# retval= reaches the program.
rc, out, err, _ = t.run([t.tracer, "-o", "/dev/null", "-e", "inject=getpid:retval=4242", probe, "getpid"], env=ENV)
t.check(rc == 0 and out.startswith("getpid=4242 "), "retval=4242: the program's getpid returns 4242", out + err)

# signal= runs the program's handler.
rc, out, err, _ = t.run([t.tracer, "-o", "/dev/null", "-e", "inject=getppid:signal=SIGUSR1", probe, "signal"],
                        env=ENV)
t.check(out == "getppid=ok handler=ran\n", "signal=SIGUSR1: the handler ran", out + err)
rc, out, err, _ = t.run([t.tracer, "-o", "/dev/null", probe, "signal"], env=ENV)
t.check(out == "getppid=ok handler=not run\n", "without signal=, the handler does not run", out + err)

# delay_exit= delays measurably ...
rc, out, err, secs = t.run([t.tracer, "-o", "/dev/null", "-e", "inject=getppid:delay_exit=100ms", probe, "timed", "3"],
                           env=ENV)
m = re.search(r"elapsed_ms=(\d+)", out)
t.check(m is not None and 300 <= int(m.group(1)) < 1500, "delay_exit=100ms: 3 calls take >= 300 ms (%s)" % out.strip())
rc, out, err, secs = t.run([t.tracer, "-o", "/dev/null", probe, "timed", "3"], env=ENV)
m = re.search(r"elapsed_ms=(\d+)", out)
t.check(m is not None and int(m.group(1)) < 250, "without delay: 3 calls take < 250 ms (%s)" % out.strip())
# ... and holds only the delayed thread: the parent's 200 calls run while
# the child is held for a second.
rc, out, err, secs = t.run([t.tracer, "-f", "-o", "/dev/null", "-e", "inject=getppid:delay_exit=1s", probe, "pair"],
                           env=ENV)
m = re.search(r"parent_loop_ms=(\d+) child_wait_ms=(\d+)", out)
t.check(m is not None and int(m.group(1)) < 700 and int(m.group(2)) >= 900,
        "delay_exit=1s in the child does not hold the parent (%s)" % out.strip())
# Delays with the trace on stderr (no SIGALRM handler of the CLI's own).
rc, out, err, secs = t.run([t.tracer, "-e", "trace=getppid", "-e", "inject=getppid:delay_enter=200ms", probe, "timed",
                            "1"], env=ENV)
t.check(rc == 0 and "(DELAYED)" in err and secs >= 0.2, "delay_enter with the trace on stderr", err)

# seccomp-bpf: injected syscalls are in the traced set and still stop.
for extra in (["--seccomp-bpf", "-f"], ["-f"]):
    log = os.path.join(t.tmp, "seccomp.log")
    rc, out, err, _ = t.run([t.tracer, "-o", log] + extra + ["-e", "trace=openat", "-e",
                            "inject=openat:error=ENOENT:when=3", "cat", "a", "b", "c", "d"], env=ENV)
    lines = t.read(log).splitlines()
    t.check(rc == 1 and out == "b\nc\nd\n" and sum("(INJECTED)" in ln for ln in lines) == 1,
            "%s -e trace=openat: the third openat fails" % " ".join(extra), "\n".join(lines[-6:]) + err)
# With a filter, a signal is delivered at the exit (the kernel drops signals
# given at seccomp stops); by default there is no filter then, as in strace.
rc, out, err, _ = t.run([t.tracer, "-o", "/dev/null", "--seccomp-bpf", "-f", "-e", "trace=getppid", "-e",
                         "inject=getppid:signal=USR1", probe, "signal"], env=ENV)
t.check(out == "getppid=ok handler=ran\n", "--seccomp-bpf: signal= still runs the handler", out + err)

# Option errors: same message (but the program name) and status as strace.
for expr in ["inject=openat", "inject=nosuch:error=EIO", "fault=openat:retval=1", "inject=getpid:when=0:error=EIO",
             "inject=getpid:retval=-1"]:
    rc, out, err, _ = t.run([t.tracer, "-o", "/dev/null", "-e", expr, "true"], env=ENV)
    if t.strace:
        rrc, rout, rerr, _ = t.run([t.strace, "-o", "/dev/null", "-e", expr, "true"], env=ENV)
        t.check(rc == rrc and strip_prefix(err) == strip_prefix(rerr), "-e %s: %s" % (expr, err.strip()),
                "strace: %r %r" % (rrc, rerr))

t.finish()
