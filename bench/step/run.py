#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Single-step rate of `syscope step` against the floor, in the same run.

The floor is step_floor: fork, PTRACE_TRACEME, execve, then PTRACE_SINGLESTEP
+ waitpid until the program exits, nothing else. Each round runs the floor
and every syscope mode on the same workload, in a rotating order; the verdict
uses the median over rounds of each mode's rate divided by the floor's rate
in the same round (wall clock), and shows the same ratio in CPU time (user +
system of the tracer and the program), which moves less on a busy machine.

  python3 bench/step/run.py --build build [--rounds 5] [--loops 100000]
  python3 bench/step/run.py --build build --only      (the --only speed-up)

Targets: count mode >= 90% of the floor's steps/s, trace to a file >= 60%;
--only on a libc-heavy program >= 20x faster than stepping everything.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

SUMMARY_RE = re.compile(r"syscope step: (\d+) instructions")
FLOOR_RE = re.compile(r"steps (\d+) seconds")


def run(cmd, env=None):
    """Runs cmd; returns (wall seconds, cpu seconds of it and its children, stderr)."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = p.stderr.read().decode(errors="replace")
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), err[-2000:]))
    return wall, ru.ru_utime + ru.ru_stime, err


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--loops", type=int, default=100000, help="spin loop iterations (2 steps each)")
    ap.add_argument("--only", action="store_true", help="measure the --only speed-up instead")
    ap.add_argument("--libc-rounds", default="3", help="argument of step_libc for --only")
    a = ap.parse_args()
    b = os.path.abspath(a.build)
    syscope = os.path.join(b, "syscope")
    floor = os.path.join(b, "bench/step/step_floor")
    spin = os.path.join(b, "bench/step/spin")
    for p in (syscope, floor, spin):
        if not os.access(p, os.X_OK):
            sys.exit("missing %s: ninja -C %s bench_step" % (p, a.build))
    print("load average: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))
    if a.only:
        return only(a, syscope, b)

    tmp = tempfile.mkdtemp(prefix="syscope-step-bench-", dir=os.path.dirname(b))
    trace_file = os.path.join(tmp, "trace.txt")
    modes = {
        "floor": [floor, spin, str(a.loops)],
        "count": [syscope, "step", spin, str(a.loops)],
        "trace-file": [syscope, "step", "--trace", "-o", trace_file, spin, str(a.loops)],
        "profile": [syscope, "step", "--profile", spin, str(a.loops)],
    }
    names = list(modes)
    steps = {}
    res = {n: [] for n in names}  # (wall rate, cpu rate) per round
    for r in range(a.rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for n in order:
            wall, cpu, err = run(modes[n])
            m = (FLOOR_RE if n == "floor" else SUMMARY_RE).search(err)
            if not m:
                sys.exit("no step count from %s:\n%s" % (n, err[-1000:]))
            steps[n] = int(m.group(1))
            res[n].append((steps[n] / wall, steps[n] / cpu if cpu else 0.0))
        print("round %d: %s" % (r + 1, "  ".join("%s %.0f/s" % (n, res[n][-1][0]) for n in names)))
        sys.stdout.flush()
    if trace_file and os.path.exists(trace_file):
        lines = sum(1 for _ in open(trace_file))
        os.unlink(trace_file)
    os.rmdir(tmp)
    print("\nsteps per run: %s" % ", ".join("%s %d" % (n, steps[n]) for n in names))
    print("trace file lines: %d" % lines)
    ok = True
    print("\n%-11s %12s %12s %10s %10s %8s" % ("mode", "steps/s", "steps/cpu-s", "vs floor", "cpu vs fl", "target"))
    targets = {"count": 0.90, "trace-file": 0.60}
    for n in names:
        wall_rate = statistics.median(x[0] for x in res[n])
        cpu_rate = statistics.median(x[1] for x in res[n])
        ratio = statistics.median(res[n][i][0] / res["floor"][i][0] for i in range(a.rounds))
        cpu_ratio = statistics.median(res[n][i][1] / res["floor"][i][1] for i in range(a.rounds))
        tgt = targets.get(n)
        verdict = ""
        if tgt:
            good = ratio >= tgt
            ok &= good
            verdict = ">= %.0f%% %s" % (tgt * 100, "ok" if good else "MISSED")
        print("%-11s %12.0f %12.0f %9.1f%% %9.1f%%  %s" % (n, wall_rate, cpu_rate, ratio * 100, cpu_ratio * 100, verdict))
    if steps["count"] != steps["floor"]:
        print("note: step counts differ: floor %d, syscope %d" % (steps["floor"], steps["count"]))
    return 0 if ok else 1


def only(a, syscope, b):
    prog = os.path.join(b, "tests/progs/step_libc")
    if not os.access(prog, os.X_OK):
        sys.exit("missing %s (ninja -C %s test_programs)" % (prog, a.build))
    full = run([syscope, "step", "--profile", "--top", "0", prog, a.libc_rounds])
    objs = dict((l.split()[2], int(l.split()[0])) for l in full[2].split("Instructions by object")[1].splitlines()[2:]
                if l.strip() and l.split()[0].isdigit())
    count_full = run([syscope, "step", prog, a.libc_rounds])
    limited = run([syscope, "step", "--only", "step_libc", prog, a.libc_rounds])
    n_only = int(SUMMARY_RE.search(limited[2]).group(1))
    n_all = int(SUMMARY_RE.search(count_full[2]).group(1))
    print("step_libc %s: %d instructions, %d in step_libc itself (%.1f%%)"
          % (a.libc_rounds, n_all, objs.get("step_libc", -1), 100.0 * objs.get("step_libc", 0) / n_all))
    print("stepping everything:      %8.3f s wall  %8.3f s cpu" % count_full[:2])
    print("--only step_libc:         %8.3f s wall  %8.3f s cpu  -> %d instructions (%s)"
          % (limited[0], limited[1], n_only, "exact" if n_only == objs.get("step_libc") else "MISMATCH"))
    sp, cpu_sp = count_full[0] / limited[0], count_full[1] / max(limited[1], 1e-3)
    good = sp >= 20 and n_only == objs.get("step_libc")
    print("speed-up: %.1fx wall, %.1fx cpu (target >= 20x): %s" % (sp, cpu_sp, "ok" if good else "MISSED"))
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
