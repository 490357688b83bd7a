#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The examples/ programs run and do what they say: simple_tracer changes a
variable of a stopped child which then prints the new value; breakpoint
catches three hits of an int3 planted in read-only code and the child runs
on normally; mini_strace (under 100 lines) prints name(args) = result lines.
The examples directory comes from $SYSCOPE_EXAMPLES_DIR, else it is
DIR(--tracer)/examples."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itest import Test  # noqa: E402

t = Test(__doc__)
ex = os.environ.get("SYSCOPE_EXAMPLES_DIR") or os.path.join(os.path.dirname(t.tracer), "examples")


def example(name):
    p = os.path.join(ex, name)
    if not os.access(p, os.X_OK):
        print("FAIL: example %s not built" % p)
        sys.exit(1)
    return p


rc, out, err, _ = t.run([example("simple_tracer")], timeout=30)
lines = out.splitlines()
t.check(rc == 0, "simple_tracer exits 0", out + err)
t.check(lines[:1] == ["child: secret = 42, waiting"] and lines[-1:] == ["child: secret = 1234"],
        "the child prints 42, then the value the tracer wrote: 1234", out)
t.check(any(re.match(r"tracer: attached to \d+, stopped at rip=0x[0-9a-f]+ rsp=0x[0-9a-f]+$", l) for l in lines),
        "the tracer stopped the child and read its registers", out)
t.check(any(re.match(r"tracer: found the child's local 'marker' on its stack at rsp\+0x[0-9a-f]+$", l) for l in lines),
        "it read the child's stack and found a local variable there", out)

rc, out, err, _ = t.run([example("breakpoint")], timeout=30)
lines = out.splitlines()
t.check(rc == 0, "breakpoint exits 0", out + err)
t.check(re.match(r"tracer: int3 planted at target \(0x[0-9a-f]+\) via proc_mem, was 0x[0-9a-f]+$", lines[0] if lines else "")
        is not None, "int3 is written into read-only text through /proc/PID/mem", out)
want = ["tracer: breakpoint hit #1 at target, rdi = 1", "child: target(1)",
        "tracer: breakpoint hit #2 at target, rdi = 2", "child: target(2)",
        "tracer: breakpoint hit #3 at target, rdi = 3", "tracer: breakpoint removed, detaching",
        "child: target(3)", "child: target(4)"]
t.check(lines[1:] == want, "three hits (argument read from rdi), the child runs each call once, in order", out)

src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "mini_strace.cc")
if os.path.exists(src):
    n = len(open(src).read().splitlines())
    t.check(n < 100, "mini_strace.cc has fewer than 100 lines (%d)" % n)
rc, out, err, _ = t.run([example("mini_strace"), "echo", "hello"], timeout=30)
t.check(rc == 0 and out == "hello\n", "mini_strace runs the command (PATH lookup)", out + err)
t.check(re.search(r"^write\(0x1, 0x[0-9a-f]+, 0x6\) = 6$", err, re.M) is not None, "write(0x1, buf, 0x6) = 6", err[-2000:])
t.check(re.search(r"^exit_group\(0\) = \?$", err, re.M) is not None and err.endswith("+++ exited with 0 +++\n"),
        "exit_group(0) = ? and the exit line", err[-500:])
marker = os.path.join(t.tmp, "no-such-file")
rc, out, err, _ = t.run([example("mini_strace"), "/bin/cat", marker], timeout=30)
t.check(rc == 1, "the command's exit status is returned (1)", out + err[-500:])
t.check(re.search(r'^openat\(AT_FDCWD, "%s", 0, 0\) = -1 ENOENT \(No such file or directory\)$' % re.escape(marker), err, re.M)
        is not None, "paths are read from the tracee's memory; errors as -1 ENAME (text)", err[-2000:])
t.check("+++ exited with 1 +++" in err, "+++ exited with 1 +++", err[-300:])
t.finish()
