#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Range limits: --only OBJECT|SYMBOL|ADDR-RANGE counts exactly the
instructions a full run attributes to that code, and runs the rest at full
speed (at least 20x faster on a libc-heavy program); --start-at; --max;
breakpoints in threads and in children that are not followed."""

import os
import subprocess

from steptest import StepTest

t = StepTest(__doc__)
libc_prog = t.prog("step_libc")
ARGS = [libc_prog, "2"]

# The reference: a full run, per function and per object.
rc, out, err, full_wall, full_cpu = t.step(["--profile", "--top", "0"] + ARGS, timeout=900)
t.check(rc == 0, "full --profile run of step_libc", err[-1500:])
funcs, objs = {}, {}
section = None
for line in err.splitlines():
    if line.startswith("Instructions by function"):
        section = funcs
    elif line.startswith("Instructions by object"):
        section = objs
    elif section is not None and line.strip() and line.split()[0].isdigit():
        parts = line.split()
        if section is funcs:
            funcs[(parts[2], parts[3])] = int(parts[0])
        else:
            objs[parts[2]] = int(parts[0])
main_obj = objs.get("step_libc")
total = sum(objs.values())
t.check(main_obj is not None and main_obj < total / 10,
        "step_libc spends most of its instructions outside its own code (%s of %s)" % (main_obj, total))


def only(extra, expect, what, timeout=300):
    rc, out, err, wall, cpu = t.step(extra + ARGS, timeout=timeout)
    s = t.summary(err)
    t.check(rc == 0 and s is not None and s[0] == expect, "%s: %s instructions (got %s)" % (what, expect, s and s[0]),
            err[-1500:])
    return wall, cpu


only_wall, only_cpu = only(["--only", "step_libc"], main_obj, "--only step_libc (the main object)")
only(["--only", "object:step_libc"], main_obj, "--only object:step_libc")
only(["--only", "cmp"], funcs.get(("cmp", "step_libc")), "--only cmp (a qsort callback)")
only(["--only", "symbol:main"], funcs.get(("main", "step_libc")), "--only symbol:main")
nm = subprocess.run(["nm", "-S", libc_prog], capture_output=True, text=True).stdout
cmp_line = [l.split() for l in nm.splitlines() if l.endswith(" cmp")]
if cmp_line and len(cmp_line[0]) == 4:
    # A position-independent executable: the range is given at run time
    # from the load address, which --no-aslr makes predictable.
    start, size = int(cmp_line[0][0], 16), int(cmp_line[0][1], 16)
    pie = "DYN" in subprocess.run(["readelf", "-h", libc_prog], capture_output=True, text=True).stdout
    base = 0x555555554000 if pie else 0
    spec = "0x%x-0x%x" % (base + start, base + start + size)
    only(["--no-aslr", "--only", spec], funcs.get(("cmp", "step_libc")), "--only %s (cmp by address)" % spec)
pre_main = sum(funcs.get((f, "step_libc"), 0) for f in ("_start", "_init", "frame_dummy", "register_tm_clones"))
only(["--start-at", "main", "--only", "step_libc"], main_obj - pre_main, "--start-at main --only step_libc")
libc = objs.get("libc.so.6")
only(["--only", "libc.so.6"], libc, "--only libc.so.6 (loaded after exec)", timeout=900)
# Without separate debug info (no libc6-dbg) the entries into libc are still
# all known: exported symbols plus .eh_frame_hdr's function table.
# (The variable is in the program's environment too, which changes how many
# instructions libc spends on it: the reference is counted again.)
saved = os.environ.get("SYSCOPE_DEBUGINFO_PATH")
os.environ["SYSCOPE_DEBUGINFO_PATH"] = "/nonexistent"
rc, out, err, _, _ = t.step(["--profile", "--top", "0"] + ARGS, timeout=900)
objs_nd = {}
for line in err.split("Instructions by object")[-1].splitlines()[2:]:
    if line.strip() and line.split()[0].isdigit():
        objs_nd[line.split()[2]] = int(line.split()[0])
only(["--only", "libc.so.6"], objs_nd.get("libc.so.6"), "--only libc.so.6 without debug info", timeout=900)
only(["--only", "step_libc"], objs_nd.get("step_libc"), "--only step_libc without debug info")
if saved is None:
    del os.environ["SYSCOPE_DEBUGINFO_PATH"]
else:
    os.environ["SYSCOPE_DEBUGINFO_PATH"] = saved

speedup = full_wall / only_wall if only_wall else 0
cpu_speedup = full_cpu / only_cpu if only_cpu else 0
print("     full run %.2f s wall / %.2f s cpu; --only step_libc %.3f s / %.3f s: %.1fx / %.1fx faster"
      % (full_wall, full_cpu, only_wall, only_cpu, speedup, cpu_speedup))
t.check(max(speedup, cpu_speedup) >= 20, "--only step_libc is at least 20x faster than stepping everything")

# Static programs, threads, children.
rc, out, err, _, _ = t.step(["--start-at", "outer", t.asm("step_calls")])
s = t.summary(err)
t.check(rc == 0 and s and s[0] == 7002, "--start-at outer: 7004 - the 2 instructions before it", err[-500:])
rc, out, err, _, _ = t.step(["--max", "1000", t.asm("step_loop")])
s = t.summary(err)
t.check(rc == 0 and s and s[0] == 1000 and "--max 1000" in err, "--max 1000: 1000, the program completes", err[-500:])
rc, out, err, _, _ = t.step(["-f", "--only", "thread", t.asm("step_threads")])
s = t.summary(err)
t.check(rc == 0 and s and s[0] == 10004, "-f --only thread: the new thread's 10004 in `thread`", err[-800:])
rc, out, err, _, _ = t.step(["-f", "--only", "child", t.asm("step_fork")])
s = t.summary(err)
t.check(rc == 0 and s and s[0] == 6004, "-f --only child: the child's 6004 in `child`", err[-800:])
rc, out, err, _, _ = t.step(["--only", "child", t.asm("step_fork")])
s = t.summary(err)
t.check(rc == 0 and s and s[0] == 0,
        "--only child without -f: 0, and the child (which inherited the breakpoints) exits 0", "rc=%s\n%s" % (rc, err[-800:]))
rc, out, err, _, _ = t.step(["--only", "0x1000-0x2000", t.asm("step_loop")])
s = t.summary(err)
t.check(rc == 0 and s and s[0] == 0, "--only on unmapped addresses: 0", err[-500:])
rc, out, err, _, _ = t.step(["--only", "no_such_function", t.asm("step_loop")])
t.check(rc == 0 and "matched no code" in err, "--only that matches nothing: a warning", err[-500:])

t.done()
