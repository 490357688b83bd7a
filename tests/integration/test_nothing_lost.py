#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Nothing lost: ncalls makes exactly N getppid() calls per thread and
-e trace=getppid shows exactly that many, per thread, with and without -f."""
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itest import Test, split_pid, tail  # noqa: E402

t = Test(__doc__)
prog = t.prog("ncalls")
N = 1000

log = os.path.join(t.tmp, "plain.log")
rc, out, err, secs = t.run([t.tracer, "-e", "trace=getppid", "-o", log, prog, str(N)], timeout=120)
t.check(rc == 0, "plain: exit 0 (%.1fs)" % secs, "rc=%r %s" % (rc, err.strip()))
lines = t.read(log).splitlines()
calls = [l for l in lines if re.fullmatch(r"getppid\(\) += \d+", l)]
t.check(len(calls) == N, "plain: exactly %d getppid lines" % N, "got %d" % len(calls))
other = [l for l in lines if not re.fullmatch(r"getppid\(\) += \d+", l) and l != "+++ exited with 0 +++"]
t.check(not other, "plain: nothing but getppid lines and the exit line", "\n".join(other[:5]))
t.check(bool(lines) and lines[-1] == "+++ exited with 0 +++", "plain: ends with +++ exited with 0 +++")

for threads in (1, 4):
    log = os.path.join(t.tmp, "f%d.log" % threads)
    rc, out, err, secs = t.run([t.tracer, "-f", "-e", "trace=getppid", "-o", log, prog, str(N), str(threads)],
                               timeout=180)
    tag = "-f, %d thread(s): " % threads
    t.check(rc == 0, tag + "exit 0 (%.1fs)" % secs, "rc=%r %s" % (rc, err.strip()))
    lines = t.read(log).splitlines()
    per = Counter()
    resumed = Counter()
    bad = []
    for l in lines:
        pid, body = split_pid(l)
        if pid is None:
            bad.append(l)
        elif body.startswith("getppid("):
            per[pid] += 1
        elif body.startswith("<... getppid resumed>"):
            resumed[pid] += 1
        elif not body.startswith("+++ exited with 0 +++"):
            bad.append(l)
    t.check(not bad, tag + "only getppid / resumed / exit lines, all with pid prefixes", "\n".join(bad[:5]))
    t.check(len(per) == threads + 1, tag + "%d tasks made calls" % (threads + 1), repr(dict(per)))
    t.check(all(v == N for v in per.values()), tag + "exactly %d getppid calls per task" % N, repr(dict(per)))
    unfinished = Counter(split_pid(l)[0] for l in lines if l.endswith("<unfinished ...>"))
    t.check(unfinished == resumed, tag + "every <unfinished ...> has its <... resumed>",
            "unfinished %r resumed %r" % (dict(unfinished), dict(resumed)))
    exits = Counter(split_pid(l)[0] for l in lines if split_pid(l)[1] == "+++ exited with 0 +++")
    t.check(len(exits) == threads + 1 and all(v == 1 for v in exits.values()),
            tag + "one '+++ exited with 0 +++' per task", repr(dict(exits)))
t.finish()
