#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""sh -c 'ls / >/dev/null; exit 3' under -f -o: exit status, first and last
lines, the child's execve and exit; the same without -o (trace on stderr)."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itest import Test, split_pid, tail  # noqa: E402

t = Test(__doc__)
env = {"PATH": "/bin:/usr/bin", "LC_ALL": "C", "HOME": t.tmp}
log = os.path.join(t.tmp, "t.log")
script = "ls / >/dev/null; exit 3"
rc, out, err, secs = t.run([t.tracer, "-f", "-o", log, "sh", "-c", script], timeout=60, env=env)
t.check(rc == 3, "tracer exits with the program's status 3", "got %r, stderr: %s" % (rc, err.strip()))
text = t.read(log)
lines = text.splitlines()
t.check(len(lines) > 10, "log has content (%d lines)" % len(lines), tail(text))
if lines:
    pid, first = split_pid(lines[0])
    t.check(pid is not None, "first line has a pid prefix", lines[0])
    t.check(re.fullmatch(r'execve\("/bin/sh", \["sh", "-c", "ls / >/dev/null; exit 3"\], 0x[0-9a-f]+ /\* \d+ vars \*/\) += 0',
                         first) is not None,
            'first line is execve("/bin/sh", ["sh", "-c", ...], ...) = 0', lines[0])
    lpid, last = split_pid(lines[-1])
    t.check(last == "+++ exited with 3 +++", "last line is '+++ exited with 3 +++'", lines[-1])
    t.check(lpid == pid, "last line belongs to the shell's pid", lines[-1])
    t.check(all(split_pid(l)[0] is not None for l in lines), "every line has a pid prefix",
            "\n".join(l for l in lines if split_pid(l)[0] is None)[:2000])
    pids = {split_pid(l)[0] for l in lines}
    t.check(len(pids) >= 2, "the forked ls was followed (%d pids)" % len(pids))
    ls_exec = [l for l in lines if re.search(r' execve\("[^"]*/ls", \["ls", "/"\]', l)]
    t.check(len(ls_exec) == 1, "one execve of ls", "\n".join(ls_exec))
    if ls_exec:
        cpid = split_pid(ls_exec[0])[0]
        t.check(any(l == "%d  +++ exited with 0 +++" % cpid or re.fullmatch(r"%d +\+\+\+ exited with 0 \+\+\+" % cpid, l)
                    for l in lines), "ls child has '+++ exited with 0 +++'")
        t.check(cpid != pid, "ls runs in a child pid")

# Without -o: the trace goes to stderr, the program's output stays on stdout.
rc, out, err, secs = t.run([t.tracer, "sh", "-c", "echo hi; exit 3"], timeout=60, env=env)
t.check(rc == 3, "without -o: tracer exits with 3", "got %r" % rc)
t.check(out == "hi\n", "without -o: program stdout untouched", repr(out))
elines = err.splitlines()
t.check(bool(elines) and elines[-1] == "+++ exited with 3 +++", "without -o: stderr ends with '+++ exited with 3 +++'",
        tail(err))
t.check(any(l.startswith('write(1, "hi\\n", 3)') for l in elines), "without -o: write(1, \"hi\\n\", 3) traced", tail(err, 20))
t.finish()
