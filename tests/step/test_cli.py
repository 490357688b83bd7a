#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`syscope step` command line: usage errors, and a program that is itself
named `step` (`syscope ./step`, `syscope -- step`, `syscope step -- ./step`)."""

import os
import shutil
import subprocess

from steptest import StepTest

t = StepTest(__doc__)


def run(args, cwd=None, env=None):
    p = subprocess.run([t.syscope] + args, capture_output=True, text=True, cwd=cwd, env=env, timeout=120)
    return p.returncode, p.stdout, p.stderr


rc, out, err = run(["step"])
t.check(rc == 1 and "must have COMMAND" in err and "usage:" in err, "step without a command: usage, exit 1")
rc, out, err = run(["step", "--help"])
t.check(rc == 0 and "--only SPEC" in out, "step --help")
rc, out, err = run(["step", "--only", "0x2000-0x1000", "true"])
t.check(rc == 1 and "empty address range" in err, "step --only with a reversed range: error", err)
rc, out, err = run(["step", "--max", "x", "true"])
t.check(rc == 1 and "invalid --max" in err, "step --max x: error", err)
rc, out, err = run(["step", "--bogus", "true"])
t.check(rc == 1 and "unknown" in err, "step --bogus: error", err)
rc, out, err = run(["step", "/no/such/program"])
t.check(rc == 1 and "Can't stat" in err, "step /no/such/program: error", err)
rc, out, err = run(["step", "-p", "999999999"])
t.check(rc == 1, "step -p with a bad pid: error", err)

# A program named step.
d = os.path.join(t.tmp, "bin")
os.makedirs(d)
shutil.copy(t.asm("step_loop"), os.path.join(d, "step"))
rc, out, err = run(["./step"], cwd=d)
t.check(rc == 0 and "exit(0)" in err and "syscope step:" not in err, "`syscope ./step` traces the program step", err[-500:])
env = dict(os.environ, PATH=d + ":" + os.environ.get("PATH", ""))
rc, out, err = run(["--", "step"], env=env)
t.check(rc == 0 and "exit(0)" in err and "syscope step:" not in err, "`syscope -- step` traces the program step", err[-500:])
rc, out, err = run(["step", "--", "./step"], cwd=d)
s = t.summary(err)
t.check(rc == 0 and s and s[0] == 20004, "`syscope step -- ./step` steps it: 20004", err[-500:])
rc, out, err = run(["step", "-q", "./step"], cwd=d)
t.check(rc == 0 and "syscope step:" not in err, "-q: no summary")
rc, out, err = run(["step", "-o", os.path.join(t.tmp, "r.txt"), "./step"], cwd=d)
with open(os.path.join(t.tmp, "r.txt")) as f:
    rep = f.read()
t.check(rc == 0 and t.summary(rep) and t.summary(rep)[0] == 20004 and err == "",
        "-o FILE without --trace: the summary goes to FILE", rep + err)

# Exit status of the program is syscope's.
rc, out, err = run(["step", t.asm("step_exec"), "/no/such"])
t.check(rc == 127, "exit status of the program (127 from a failed exec) is passed on (%s)" % rc, err[-300:])

t.done()
