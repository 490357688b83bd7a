#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""-f on a process tree with fork, threads, SIGSTOP/SIGCONT from the parent
(checked with waitpid WUNTRACED/WCONTINUED by the program itself), and an
execve from a non-leader thread.  No hang, right status, and the log has the
signal, stop, superseded and exit lines for every process."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itest import Test, split_pid, tail  # noqa: E402

t = Test(__doc__)
prog = t.prog("forkthreadexec")
ROUNDS = 3
for rnd in range(1, ROUNDS + 1):
    info = os.path.join(t.tmp, "info%d" % rnd)
    log = os.path.join(t.tmp, "fte%d.log" % rnd)
    rc, out, err, secs = t.run([t.tracer, "-f", "-o", log, prog, info], timeout=60)
    tag = "round %d: " % rnd
    t.check(rc is not None, tag + "completes without hanging (%.1fs)" % secs, tail(t.read(log)))
    kv = {}
    for ln in t.read(info).splitlines():
        k, _, v = ln.partition("=")
        kv.setdefault(k, v)
    t.check(rc == 0, tag + "program's checks passed and status 0 propagated",
            "rc=%r info=%r stderr=%s" % (rc, kv, err.strip()))
    t.check(kv.get("result") == "ok", tag + "program reports result=ok (real parent saw WIFSTOPPED/WIFCONTINUED)",
            repr(kv))
    try:
        parent, c1, c2, execer = (int(kv[k]) for k in ("parent", "c1", "c2", "execer"))
    except (KeyError, ValueError):
        t.check(False, tag + "info file has all pids", repr(kv))
        continue
    t.check(kv.get("execd") == str(c1), tag + "exec'd image runs with the leader's pid", repr(kv))
    text = t.read(log)
    lines = text.splitlines()
    by = {}
    for l in lines:
        pid, body = split_pid(l)
        by.setdefault(pid, []).append(body)
    t.check(None not in by, tag + "every line has a pid prefix", "\n".join(by.get(None, [])[:5]))

    def has(pid, rx):
        return any(re.fullmatch(rx, b) for b in by.get(pid, []))

    t.check(has(c1, r"--- SIGSTOP \{si_signo=SIGSTOP, si_code=SI_USER, si_pid=%d, si_uid=\d+\} ---" % parent),
            tag + "c1: --- SIGSTOP {... si_pid=parent ...} ---")
    t.check(has(c1, r"--- stopped by SIGSTOP ---"), tag + "c1: --- stopped by SIGSTOP ---")
    t.check(has(c1, r"--- SIGCONT \{si_signo=SIGCONT, si_code=SI_USER, si_pid=%d, si_uid=\d+\} ---" % parent),
            tag + "c1: --- SIGCONT {... si_pid=parent ...} ---")
    order = [b for b in by.get(c1, []) if b.startswith(("--- SIGSTOP", "--- stopped by", "--- SIGCONT"))]
    t.check(len(order) >= 3 and order[0].startswith("--- SIGSTOP")
            and order[1].startswith("--- stopped by") and order[2].startswith("--- SIGCONT"),
            tag + "c1: SIGSTOP, stopped, SIGCONT in that order", repr(order))
    t.check(any("[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL) = %d" % c1 in b for b in by.get(parent, [])),
            tag + "parent: wait4 reports WIFSTOPPED for c1")
    t.check(any("[{WIFCONTINUED(s)}], WCONTINUED, NULL) = %d" % c1 in b for b in by.get(parent, [])),
            tag + "parent: wait4 reports WIFCONTINUED for c1")
    t.check(has(c1, r"\+\+\+ superseded by execve in pid %d \+\+\+" % execer),
            tag + "c1: +++ superseded by execve in pid <execer> +++")
    # argv[0] is cut at -s (32) bytes when the build path is long.
    t.check(any(re.match(r'execve\("%s", \["[^"]*"(\.\.\.)?, "--execd", ' % re.escape(prog), b)
                for b in by.get(execer, [])), tag + "execer thread: execve(... --execd ...) shown")
    t.check(any(b.startswith("<... execve resumed>") and b.rstrip().endswith("= 0") for b in by.get(c1, [])),
            tag + "c1: <... execve resumed>) = 0 after the switch")
    t.check(has(c1, r"\+\+\+ exited with 5 \+\+\+"), tag + "c1 (new image): +++ exited with 5 +++")
    t.check(has(c2, r"\+\+\+ exited with 7 \+\+\+"), tag + "c2: +++ exited with 7 +++")
    t.check(bool(lines) and lines[-1] == "%d  +++ exited with 0 +++" % parent or
            (bool(lines) and re.fullmatch(r"%d +\+\+\+ exited with 0 \+\+\+" % parent, lines[-1]) is not None),
            tag + "last line: parent +++ exited with 0 +++", tail(text, 3))
    # exactly one exit/kill line per traced task, none for the tid that became c1
    bad = []
    for pid, bodies in by.items():
        if pid is None:
            continue
        n = sum(1 for b in bodies if b.startswith(("+++ exited with", "+++ killed by")))
        want = 0 if pid == execer else 1
        if n != want:
            bad.append("%d: %d exit lines (want %d)" % (pid, n, want))
    t.check(not bad, tag + "every task has exactly one +++ exit line (the exec'ing tid none)", "\n".join(bad))
    ntasks = len([p for p in by if p is not None])
    t.check(ntasks >= 7, tag + "all tasks traced (%d: parent, 2 threads, c1, 2 c1 threads, c2)" % ntasks)
t.finish()
