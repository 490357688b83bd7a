#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Side-by-side benchmark: untraced vs strace vs syscope.

Runs every workload in every mode, interleaved (one untraced, one strace and
one syscope run after another, the starting tracer rotating each round), for
several rounds, and prints medians and overhead ratios:

  overhead per syscall = (median traced time - median untraced time) / syscalls
  ratio                = syscope overhead / strace overhead  (lower is better)

Modes (as the issue asks):
  full      -f -o FILE                 every syscall traced and printed
  filtered  -f -e trace=openat -o FILE the hot syscall is not in the set
            (strace without and with --seccomp-bpf; syscope's default uses it)
  filtered1 -e trace=openat -o FILE    the same without -f
  count     -f -c -o FILE              statistics only
Plus: start-up cost (a static program that only exits, and /bin/true), and
the seccomp "thread gap" (8 threads of getppid under -e trace=openat).

Timings vary with the machine and its load; never use them as pass/fail.
Usage: bench/run.py [--syscope PATH] [--rounds N] [--quick] [--only W,...]
"""

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def build_workloads(out, cc):
    """Compiles bench/src/*.c into out/ (independent of the CMake build)."""
    src = os.path.join(HERE, "src")
    bins = {}
    for name in ("storm", "filewalk", "threads", "procs"):
        exe = os.path.join(out, name)
        sh([cc, "-O2", "-o", exe, os.path.join(src, name + ".c"), "-lpthread"])
        bins[name] = exe
    exe = os.path.join(out, "nothing")
    sh([cc, "-O2", "-static", "-nostdlib", "-o", exe, os.path.join(src, "nothing.c")])
    bins["nothing"] = exe
    return bins


class Workload:
    def __init__(self, name, argv, desc, modes=("full", "filtered", "filtered1", "count")):
        self.name, self.argv, self.desc, self.modes = name, argv, desc, modes
        self.syscalls = None  # counted once, with strace -f -c


def workloads(bins, tmp, quick):
    scale = 10 if quick else 1
    files = os.path.join(tmp, "files")
    os.makedirs(files, exist_ok=True)
    nfiles = 2000 // scale
    sh([bins["filewalk"], files, str(nfiles), "1"])  # creates the files
    loop = 500 // scale
    return [
        Workload("storm", [bins["storm"], str(200000 // scale)], "200,000 getppid"),
        Workload("filewalk", [bins["filewalk"], files, str(nfiles), "5"],
                 "open/fstat/read/close x %d files x 5" % nfiles),
        Workload("threads", [bins["threads"], "8", str(25000 // scale)], "8 threads x 25,000 getppid"),
        Workload("shell", ["/bin/sh", "-c", "i=0; while [ $i -lt %d ]; do /bin/true; i=$((i+1)); done" % loop],
                 "sh loop, %d fork+exec of /bin/true" % loop),
        Workload("tar", ["/bin/sh", "-c", "tar -C %s -cf - . | cat > /dev/null" % files],
                 "tar -cf - DIR | cat (pipe)"),
        Workload("threads1000", [bins["threads"], "1000", str(200 // scale)], "1,000 threads x 200 getppid",
                 modes=("full", "filtered")),
        Workload("procs2000", [bins["procs"], str(2000 // scale)], "2,000 fork+exit", modes=("full", "filtered")),
    ]


def tracer_argv(tracer, mode, outfile, strace, syscope):
    if tracer == "none":
        return []
    exe = strace if tracer.startswith("strace") else syscope
    if mode == "full":
        a = ["-f", "-o", outfile]
    elif mode == "filtered":
        a = ["-f", "-e", "trace=openat", "-o", outfile]
    elif mode == "filtered1":
        a = ["-e", "trace=openat", "-o", outfile]
    elif mode == "count":
        a = ["-f", "-c", "-o", outfile]
    elif mode == "startup":
        a = ["-o", outfile]
    else:
        raise ValueError(mode)
    if tracer == "strace+bpf":
        a = ["--seccomp-bpf"] + a
    return [exe] + a


def run_once(argv):
    """Wall time in seconds and children's CPU time (user+sys)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if r.returncode != 0:
        print("warning: %s exited with %d" % (" ".join(argv[:6]), r.returncode), file=sys.stderr)
    return wall, cpu


def count_syscalls(w, strace, tmp):
    out = os.path.join(tmp, "count.txt")
    subprocess.run([strace, "-f", "-c", "-o", out] + w.argv, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    total = 0
    with open(out) as f:
        for line in f:
            parts = line.split()
            if parts and parts[-1] == "total":
                total += int(parts[3])
    return total


def median(v):
    return statistics.median(v) if v else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--syscope", default=os.path.join(ROOT, "build", "syscope"))
    ap.add_argument("--strace", default=shutil.which("strace") or "/usr/bin/strace")
    ap.add_argument("--cc", default=os.environ.get("CC", "cc"))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--startup-runs", type=int, default=200, help="runs per start-up sample")
    ap.add_argument("--quick", action="store_true", help="workloads 10x smaller, for a smoke run")
    ap.add_argument("--only", default="", help="comma-separated workloads (and/or 'startup', 'gap')")
    ap.add_argument("--modes", default="full,filtered,filtered1,count")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = ap.parse_args()
    syscope = os.path.abspath(args.syscope)
    if not os.access(syscope, os.X_OK):
        sys.exit("no syscope binary at %s (build it, or pass --syscope)" % syscope)

    tmp = tempfile.mkdtemp(prefix="syscope-bench-")
    try:
        bins = build_workloads(tmp, args.cc)
        ws = workloads(bins, tmp, args.quick)
        only = set(filter(None, args.only.split(",")))
        modes = [m for m in args.modes.split(",") if m]
        if only:
            ws = [w for w in ws if w.name in only]
        outfile = os.path.join(tmp, "trace.out")

        print("# syscope benchmark: %s" % time.strftime("%Y-%m-%d %H:%M"))
        print("# machine: %s, %d CPUs, kernel %s; load average at start %.2f" %
              (cpu_model(), os.cpu_count(), platform.release(), os.getloadavg()[0]))
        print("# strace: %s; syscope: %s; rounds: %d%s" %
              (strace_version(args.strace), syscope, args.rounds, " (quick)" if args.quick else ""))
        print()

        for w in ws:
            w.syscalls = count_syscalls(w, args.strace, tmp)

        # cells: (workload, mode) -> {tracer: [wall...]}
        tracers_for = {
            "full": ["none", "strace", "syscope"],
            "filtered": ["none", "strace", "strace+bpf", "syscope"],
            "filtered1": ["none", "strace", "syscope"],
            "count": ["none", "strace", "syscope"],
        }
        results = {}
        cpu = {}
        for rnd in range(args.rounds):
            for w in ws:
                for mode in modes:
                    if mode not in w.modes:
                        continue
                    tr = tracers_for[mode]
                    k = rnd % len(tr)
                    for tracer in tr[k:] + tr[:k]:
                        argv = tracer_argv(tracer, mode, outfile, args.strace, syscope) + w.argv
                        wall, c = run_once(argv)
                        results.setdefault((w.name, mode), {}).setdefault(tracer, []).append(wall)
                        cpu.setdefault((w.name, mode), {}).setdefault(tracer, []).append(c)
            print("# round %d/%d done (load %.2f)" % (rnd + 1, args.rounds, os.getloadavg()[0]), file=sys.stderr)

        if ws:
            report(ws, modes, results, cpu)
        if not only or "startup" in only:
            startup(bins, args, outfile)
        if not only or "gap" in only:
            thread_gap(bins, args, outfile, syscope)
    finally:
        if args.keep:
            print("# kept %s" % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def report(ws, modes, results, cpu):
    print("## Wall time, medians (ms); overhead per syscall (us) = (traced - untraced) / syscalls")
    print()
    hdr = ("| workload | mode | syscalls | untraced ms | strace ms | syscope ms | strace us/sc | "
           "syscope us/sc | syscope/strace overhead | syscope/untraced |")
    print(hdr)
    print("|" + "---|" * (hdr.count("|") - 1))
    for w in ws:
        for mode in modes:
            cell = results.get((w.name, mode))
            if not cell:
                continue
            base = median(cell["none"])
            st = median(cell["strace"])
            sy = median(cell["syscope"])
            n = max(w.syscalls or 1, 1)
            o_st = (st - base) / n * 1e6
            o_sy = (sy - base) / n * 1e6
            ratio = o_sy / o_st if o_st > 0 else float("nan")
            extra = ""
            if "strace+bpf" in cell:
                extra = " (strace --seccomp-bpf: %.1f ms)" % (median(cell["strace+bpf"]) * 1e3)
            print("| %s | %s | %d | %.1f | %.1f%s | %.1f | %.2f | %.2f | **%.2f** | %.3f |" %
                  (w.name, mode, n, base * 1e3, st * 1e3, extra, sy * 1e3, o_st, o_sy, ratio, sy / base))
    print()
    print("## CPU time (user+sys of tracer and tracee), medians (ms)")
    print()
    print("| workload | mode | untraced | strace | syscope | syscope/strace (traced CPU minus untraced) |")
    print("|---|---|---|---|---|---|")
    for w in ws:
        for mode in modes:
            cell = cpu.get((w.name, mode))
            if not cell:
                continue
            base, st, sy = median(cell["none"]), median(cell["strace"]), median(cell["syscope"])
            r = (sy - base) / (st - base) if st > base else float("nan")
            print("| %s | %s | %.1f | %.1f | %.1f | %.2f |" % (w.name, mode, base * 1e3, st * 1e3, sy * 1e3, r))
    print()
    print("Workloads: " + "; ".join("%s = %s" % (w.name, w.desc) for w in ws))
    print()


def startup(bins, args, outfile):
    """Fixed cost: median over rounds of the mean time of many runs."""
    print("## Start-up cost (tracing a program that does nothing), mean of %d runs, median of %d rounds" %
          (args.startup_runs, args.rounds))
    print()
    print("| program | untraced ms | strace ms | syscope ms | strace overhead ms | syscope overhead ms | ratio |")
    print("|---|---|---|---|---|---|---|")
    syscope = os.path.abspath(args.syscope)
    for prog in (bins["nothing"], "/bin/true"):
        samples = {"none": [], "strace": [], "syscope": []}
        for rnd in range(args.rounds):
            order = ["none", "strace", "syscope"]
            k = rnd % 3
            for tracer in order[k:] + order[:k]:
                # /dev/null: the cost of truncating and writing a file is the
                # file system's, not the tracer's (several ms on a busy disk).
                argv = tracer_argv(tracer, "startup", "/dev/null", args.strace, syscope) + [prog]
                t0 = time.perf_counter()
                for _ in range(args.startup_runs):
                    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                samples[tracer].append((time.perf_counter() - t0) / args.startup_runs)
        b, s, y = (median(samples[t]) for t in ("none", "strace", "syscope"))
        print("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | **%.2f** |" %
              (os.path.basename(prog), b * 1e3, s * 1e3, y * 1e3, (s - b) * 1e3, (y - b) * 1e3,
               (y - b) / (s - b) if s > b else float("nan")))
    print()


def thread_gap(bins, args, outfile, syscope):
    """strace --seccomp-bpf traces new threads fully until their first
    traced syscall; syscope marks them filtered at birth."""
    print("## seccomp thread gap: 8 threads x 25,000 getppid, -f -e trace=openat")
    print()
    argv = [bins["threads"], "8", str(25000 // (10 if args.quick else 1))]
    samples = {}
    for rnd in range(args.rounds):
        for tracer, pre in (("untraced", []),
                            ("strace --seccomp-bpf", [args.strace, "--seccomp-bpf", "-f", "-e", "trace=openat", "-o", outfile]),
                            ("syscope", [syscope, "-f", "-e", "trace=openat", "-o", outfile])):
            samples.setdefault(tracer, []).append(run_once(pre + argv)[0])
    base = median(samples["untraced"])
    print("| tracer | median ms | slowdown |")
    print("|---|---|---|")
    for t, v in samples.items():
        print("| %s | %.1f | %.2fx |" % (t, median(v) * 1e3, median(v) / base))
    print()


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def strace_version(strace):
    try:
        out = subprocess.run([strace, "-V"], capture_output=True, text=True).stdout
        return out.splitlines()[0]
    except (OSError, IndexError):
        return "?"


if __name__ == "__main__":
    main()
