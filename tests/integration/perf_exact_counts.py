#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Nothing lost at any speed: nsyscalls makes exactly N getppid() calls in its
main thread, in each of T extra threads and in each of P child processes.
Every mode must show exactly the calls it traces: N lines without -f (the
others run untraced, or followed silently for the seccomp filter), N per task
and N*(1+T+P) in all with -f; with the seccomp filter on, off and by default;
and -c / -C / -c -U calls (counted at the seccomp stop, no exit stop) must
count the same numbers.  Registered by tests/perf/suite.cmake."""
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itest import Test  # noqa: E402

t = Test(__doc__)
prog = t.prog("nsyscalls")
N, T, P = 2000, 3, 2
TASKS = 1 + T + P
is_strace = os.path.basename(t.tracer).startswith("strace")

LINE = re.compile(r"^(?:(\d+) +|\[pid +(\d+)\] )?(.*)$")


def parse_trace(text):
    """Per-pid counts of getppid entries and resumptions, and stray lines."""
    calls, unfinished, resumed, stray = Counter(), Counter(), Counter(), []
    for line in text.splitlines():
        m = LINE.match(line)
        pid = m.group(1) or m.group(2) or "main"
        body = m.group(3)
        if body.startswith("getppid("):
            calls[pid] += 1
            if body.endswith("<unfinished ...>"):
                unfinished[pid] += 1
        elif body.startswith("<... getppid resumed>"):
            resumed[pid] += 1
        elif not (body.startswith("+++ exited with 0 +++") or body.startswith("--- SIGCHLD ")):
            stray.append(line)
    return calls, unfinished, resumed, stray


def table_calls(text, name="getppid"):
    """calls column of NAME's row and of the total row in a -c table (the
    default columns, or -U calls,name)."""
    got = {}
    for line in text.splitlines():
        f = line.split()
        if f and f[-1] in (name, "total") and all(c.isdigit() for c in f[-2 if len(f) == 2 else 3]):
            got[f[-1]] = int(f[0] if len(f) == 2 else f[3])
    return got.get(name), got.get("total")


variants = [("default", [])]
if not is_strace:
    variants += [("seccomp", ["--seccomp-bpf"]), ("no-seccomp", ["--no-seccomp-bpf"])]
for vname, vflags in variants:
    for follow in (False, True):
        tag = "%s%s: " % (vname, ", -f" if follow else "")
        fl = vflags + (["-f"] if follow else [])
        want_total = N * TASKS if follow else N

        # Trace lines.
        log = os.path.join(t.tmp, "trace.log")
        rc, out, err, secs = t.run([t.tracer] + fl + ["-e", "trace=getppid", "-o", log, prog, str(N), str(T), str(P)],
                                   timeout=240)
        t.check(rc == 0, tag + "exit 0 (%.1fs)" % secs, "rc=%r %s" % (rc, err.strip()[-500:]))
        calls, unfinished, resumed, stray = parse_trace(t.read(log))
        t.check(sum(calls.values()) == want_total, tag + "exactly %d getppid lines" % want_total,
                "got %d: %r" % (sum(calls.values()), dict(calls)))
        if follow:
            t.check(len(calls) == TASKS and all(v == N for v in calls.values()),
                    tag + "%d tasks with exactly %d calls each" % (TASKS, N), repr(dict(calls)))
        else:
            t.check(list(calls) == ["main"], tag + "no pid prefixes without -f", repr(dict(calls)))
        t.check(unfinished == resumed, tag + "every <unfinished ...> resumed",
                "unfinished %r resumed %r" % (dict(unfinished), dict(resumed)))
        t.check(not stray, tag + "no other lines", "\n".join(stray[:5]))

        # -c: counts at the exit stop.
        log = os.path.join(t.tmp, "count.log")
        rc, out, err, secs = t.run([t.tracer] + fl + ["-c", "-e", "trace=getppid", "-o", log, prog, str(N), str(T),
                                                       str(P)], timeout=240)
        text = t.read(log)
        got, total = table_calls(text)
        t.check(rc == 0 and got == want_total and total == want_total,
                tag + "-c counts %d getppid calls" % want_total, "rc=%r got %r total %r\n%s" % (rc, got, total, text))

        if is_strace:
            continue
        # -c -U calls,name: counted at the entry (seccomp) stop, no exit stop.
        rc, out, err, secs = t.run([t.tracer] + fl + ["-c", "-U", "calls,name", "-o", log, prog, str(N), str(T),
                                                       str(P)], timeout=240)
        text = t.read(log)
        got, total = table_calls(text)
        t.check(rc == 0 and got == want_total, tag + "-c -U calls,name counts %d getppid calls" % want_total,
                "rc=%r got %r\n%s" % (rc, got, text))
        t.check("exit_group" not in text, tag + "-c -U calls,name does not count exit_group (never returns)", text)

# -C: the trace and the table agree, the table comes after the last line.
log = os.path.join(t.tmp, "both.log")
rc, out, err, secs = t.run([t.tracer, "-f", "-C", "-e", "trace=getppid", "-o", log, prog, str(N), str(T), str(P)],
                           timeout=240)
text = t.read(log)
calls, _, _, _ = parse_trace(text.split("% time")[0])
got, total = table_calls(text)
t.check(rc == 0 and sum(calls.values()) == N * TASKS and got == N * TASKS,
        "-C: %d lines and %d counted" % (N * TASKS, N * TASKS), "rc=%r lines %d counted %r" %
        (rc, sum(calls.values()), got))
t.check(re.search(r"\+\+\+ exited with 0 \+\+\+\n% time ", text) is not None,
        "-C: the table follows the last exit line directly")

# Everything traced (no filter): -f shows every call too.
log = os.path.join(t.tmp, "all.log")
rc, out, err, secs = t.run([t.tracer, "-f", "-o", log, prog, str(N), str(T), str(P)], timeout=300)
calls = Counter()
for line in t.read(log).splitlines():
    m = LINE.match(line)
    if m.group(3).startswith("getppid("):
        calls[m.group(1) or m.group(2)] += 1
t.check(rc == 0 and sum(calls.values()) == N * TASKS, "full trace, -f: %d getppid lines" % (N * TASKS),
        "rc=%r %r" % (rc, dict(calls)))
t.finish()
