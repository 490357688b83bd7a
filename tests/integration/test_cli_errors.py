#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Command-line errors: missing program, bad pid, bad option, nothing to do.
Messages follow strace 6.1 with the program name substituted."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itest import Test  # noqa: E402

t = Test(__doc__)
n = t.name


# strace names itself after argv[0]; run the tracer as plain "NAME" so that
# "syscope: ..." is expected whichever convention the tracer follows.
def run(args):
    return t.run([t.tracer] + args, timeout=20, argv0=n)


rc, out, err, _ = run(["/nonexistent"])
t.check(rc == 1, "'%s /nonexistent' exits 1" % n, "got %r" % rc)
t.check(err == "%s: Can't stat '/nonexistent': No such file or directory\n" % n,
        "'%s /nonexistent' message" % n, repr(err))

rc, out, err, _ = run(["-p", "999999"])
lines = err.splitlines()
t.check(rc == 1, "'%s -p 999999' exits 1" % n, "got %r" % rc)
t.check(len(lines) == 1 and lines[0].startswith(n + ": ") and "999999" in lines[0],
        "'%s -p 999999': one line naming the pid" % n, repr(err))
t.check(err == "%s: attach: ptrace(PTRACE_SEIZE, 999999): No such process\n" % n,
        "'%s -p 999999': strace's exact wording" % n, repr(err))

rc, out, err, _ = run(["--bogus"])
lines = err.splitlines()
t.check(rc == 1, "'%s --bogus' exits 1" % n, "got %r" % rc)
t.check(bool(lines) and lines[0] == "%s: unrecognized option '--bogus'" % n,
        "'%s --bogus': unrecognized option message" % n, repr(err))
t.check(len(lines) == 2 and lines[1] == "Try '%s -h' for more information." % n,
        "'%s --bogus': 'Try ... -h' hint" % n, repr(err))

rc, out, err, _ = run([])
lines = err.splitlines()
t.check(rc == 1, "'%s' alone exits 1" % n, "got %r" % rc)
t.check(bool(lines) and lines[0] == "%s: must have PROG [ARGS] or -p PID" % n,
        "'%s' alone: must have PROG message" % n, repr(err))
t.check(len(lines) == 2 and lines[1] == "Try '%s -h' for more information." % n,
        "'%s' alone: 'Try ... -h' hint" % n, repr(err))

rc, out, err, _ = run(["-s", "-1", "true"])
t.check(rc == 1 and err.startswith("%s: invalid -s argument: '-1'" % n),
        "'%s -s -1 true' rejected" % n, "rc=%r %r" % (rc, err))

rc, out, err, _ = run(["-e", "trace=nosuchcall", "true"])
t.check(rc == 1 and err.startswith("%s: invalid system call 'nosuchcall'" % n),
        "'%s -e trace=nosuchcall' rejected" % n, "rc=%r %r" % (rc, err))

# nothing is left behind / no output on stdout in any of these
t.check(out == "", "no stdout output on errors", repr(out))
t.finish()
