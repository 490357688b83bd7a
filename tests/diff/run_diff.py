#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Differential test: strace vs syscope on the corpus and on real commands.

For every corpus program (tests/corpus/*.c, built into --corpus DIR) and every
command of --commands FILE, run

    strace  -f -o A [pass flags] PROG ARGS     (reference)
    syscope -f -o B [pass flags] PROG ARGS     (under test)

in the same fresh working directory, normalise run-to-run noise only (pids,
addresses, times, inode numbers, kernel-chosen ports, random bytes),
de-interleave the per-process streams, and compare line by line.

Output (stable, grep-able):
    PROG <name> pass=<p> lines=N identical=M match=P.PP% [notes]
      - <reference line>
      + <syscope line>
    DIFF pass=<p> lines=N identical=M match=P.PP%

Exit status: 0 if the overall match >= --min-percent, 1 otherwise, 2 on usage
errors (e.g. syscope binary missing).  If the reference strace is absent, prints
"SKIPPED: <path> not found" and exits 0.

Reports: <report-dir>/diff_<pass>.json and diff_<pass>_syscalls.tsv (per
syscall: reference lines, differing reference lines, differing syscope lines),
raw and normalised logs under <work-dir>/<pass>/logs/.

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import difflib
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field

PASSES = {
    "default": [],
    "verbose": ["-v", "-s", "64"],
    "yfd": ["-y"],
}

# Fixed environment for every traced program: /* N vars */ and -v output of
# execve must be the same for both tracers and on every machine.
def fixed_env(home: str) -> dict:
    return {
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "LC_ALL": "C",
        "LANG": "C",
        "TZ": "UTC",
        "HOME": home,
        "PYTHONDONTWRITEBYTECODE": "1",
    }


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

PREFIX_RE = re.compile(r"^(?:\[pid +(\d+)\] |(\d+) +)(?=\S)")
UNFINISHED_SUFFIX = " <unfinished ...>"
RESUMED_RE = re.compile(r"^<\.\.\. ([A-Za-z0-9_]+) resumed>(.*)$")
# ")" + padding + "= " : the alignment point of a syscall line
ALIGN_RE = re.compile(r"\)( +)=(?= |$)")

HEX_RE = re.compile(r"\b0x([0-9a-fA-F]+)\b")
# file timestamps (st_atime=N /* 2026-... */, stx_mtime={...} /* ... */) change
# between runs; timestamps the program sets itself (utimensat) do not and
# are compared, comment included
_TC = r"(?: /\* \d{4}-\d\d-\d\dT[0-9:.]+[+-]\d{4} \*/)?"
TIME_FIELD_RE = re.compile(r"\b((?:st|stx)_(?:a|m|c|b)time(?:_nsec)?)=\d+" + _TC)
STX_TIME_RE = re.compile(r"\b(stx_[abcm]time)=\{tv_sec=-?\d+, tv_nsec=\d+\}" + _TC)
INODE_FIELD_RE = re.compile(r"\b(st_ino|stx_ino|d_ino|ino)=(\d+)")
TMPFILE_RE = re.compile(r"/#\d+(?=>)")  # O_TMPFILE files are named "#<inode>"
FD_INODE_RE = re.compile(r":\[(\d+)(?:->(\d+))?\]")
PORT_RE = re.compile(r"\b(sin6?_port)=htons\((\d+)\)")
IPPORT_RE = re.compile(r"((?:\d{1,3}\.){3}\d{1,3}|\[[0-9a-fA-F:.]+\]):(\d{4,5})\b")
SIUTIME_RE = re.compile(r"\b(si_utime|si_stime)=\d+")
LEFT_RE = re.compile(r"left \{tv_sec=\d+, tv_(?:n|u)sec=\d+\}")
STATFS_RE = re.compile(r"\b(f_bfree|f_bavail|f_ffree)=\d+")
GETRANDOM_RE = re.compile(r'^(getrandom\()"(?:[^"\\]|\\.)*"(?:\.\.\.)?')
# /proc/PID/maps contents read into buffers: "55d0c8a3b000-55d0c8a3f000 r--p"
MAPS_RE = re.compile(r"(?<![0-9a-f])[0-9a-f]{8,16}-[0-9a-f]{8,16}(?![0-9a-f])")
NUM_RE = re.compile(r"(?<![\w.])\d+(?![\w.])")

# Syscalls whose results are inherently run-dependent (times, load, usage):
# all decimal numbers after the name are replaced.
VOLATILE = {
    "sysinfo", "getrusage", "times", "clock_gettime", "gettimeofday", "time",
    "timer_gettime", "timerfd_gettime", "clock_adjtime", "adjtimex",
}

# pid-valued positions
PID_RET = {
    "clone", "clone3", "fork", "vfork", "getpid", "gettid", "getppid",
    "getpgrp", "getpgid", "getsid", "setsid", "set_tid_address", "wait4",
}
# rt_sigreturn returns the interrupted call's value: replace known pids only
PID_RET_MAYBE = {"rt_sigreturn"}
PID_ARG0 = {
    "kill", "tkill", "tgkill", "wait4", "getpgid", "getsid", "setpgid",
    "pidfd_open", "sched_getaffinity", "sched_setaffinity",
    "sched_getscheduler", "sched_setscheduler", "sched_getparam",
    "sched_setparam", "sched_getattr", "sched_setattr",
    "sched_rr_get_interval", "prlimit64", "process_vm_readv",
    "process_vm_writev", "rt_sigqueueinfo", "rt_tgsigqueueinfo",
    "get_robust_list", "kcmp", "migrate_pages", "move_pages",
    "process_madvise",
}
PID_ARG1 = {"tgkill", "rt_tgsigqueueinfo", "setpgid", "kcmp", "getpriority",
            "setpriority", "ptrace", "perf_event_open", "ioprio_get",
            "ioprio_set"}
PID_FIELD_RE = re.compile(r"\b(si_pid|pid|tid|ssi_pid)=(\d+)")
PID_BRACKET_RE = re.compile(r"\b(parent_tid|child_tid)=\[(\d+)\]")
PROC_PATH_RE = re.compile(r"/proc/(\d+)(?=[/\"])")
SUPERSEDED_RE = re.compile(r"^(\+\+\+ superseded by execve in pid )(\d+)")
NAME_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\(")
WAITID_RE = re.compile(r"^waitid\((P_PID|P_PGID), (\d+)")
RET_RE = re.compile(r"\) += (\d+)(?=$| )")


def _arg_spans(body: str, name: str):
    """Spans (start, end) of pid-valued numbers in a syscall body."""
    spans = []
    if not body.startswith(name + "("):
        return spans
    pos = len(name) + 1
    # first two comma-separated plain integer args
    m = re.match(r"(-?)(\d+)(?=[,)])", body[pos:])
    if m and name in PID_ARG0:
        s = pos + len(m.group(1))
        spans.append((s, s + len(m.group(2))))
    if name in PID_ARG1:
        m2 = re.match(r"[^,()\[\]{}]*, (-?)(\d+)(?=[,)])", body[pos:])
        if m2:
            s = pos + m2.start(2)
            spans.append((s, s + len(m2.group(2))))
    return spans


def pid_spans(body: str, name: str | None):
    """All (start, end, is_return) spans that hold pids in this body."""
    spans = []
    if name:
        for s, e in _arg_spans(body, name):
            spans.append((s, e, False))
        m = WAITID_RE.match(body)
        if m:
            spans.append((m.start(2), m.end(2), False))
        if name in PID_RET or name in PID_RET_MAYBE:
            ms = list(RET_RE.finditer(body))
            if ms:
                m = ms[-1]
                spans.append((m.start(1), m.end(1), name in PID_RET))
    for rx in (PID_FIELD_RE, PID_BRACKET_RE):
        for m in rx.finditer(body):
            spans.append((m.start(2), m.end(2), False))
    for m in PROC_PATH_RE.finditer(body):
        spans.append((m.start(1), m.end(1), False))
    m = SUPERSEDED_RE.match(body)
    if m:
        spans.append((m.start(2), m.end(2), False))
    spans.sort()
    return spans


def syscall_name(body: str) -> str:
    if body.startswith("(async) "):
        body = body[8:]
    m = RESUMED_RE.match(body)
    if m:
        return m.group(1)
    m = NAME_RE.match(body)
    if m:
        return m.group(1)
    if body.startswith("--- stopped"):
        return "--- stopped"
    if body.startswith("--- "):
        return "--- signal"
    if body.startswith("+++ exited"):
        return "+++ exited"
    if body.startswith("+++ killed"):
        return "+++ killed"
    if body.startswith("+++ superseded"):
        return "+++ superseded"
    if body.startswith("## "):
        return "## tracer"
    return "(other)"


def check_alignment(raw_line: str) -> bool:
    """strace pads ") " with spaces up to column 40 before "= "."""
    ms = list(ALIGN_RE.finditer(raw_line))
    if not ms:
        return True
    m = ms[-1]
    paren = m.start()
    eq = m.end(1)
    return eq == max(paren + 2, 40)


def numbers_in_braces(b: str) -> str:
    """Replace decimal numbers that appear inside {...} (struct values)."""
    out = []
    depth = 0
    i = 0
    quoted = False
    while i < len(b):
        c = b[i]
        if quoted:
            out.append(c)
            if c == "\\" and i + 1 < len(b):
                out.append(b[i + 1])
                i += 2
                continue
            if c == '"':
                quoted = False
            i += 1
            continue
        if c == '"':
            quoted = True
        elif c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif depth and c.isdigit() and (i == 0 or not (b[i - 1].isalnum() or b[i - 1] in "_.")):
            j = i
            while j < len(b) and b[j].isdigit():
                j += 1
            if j < len(b) and (b[j].isalpha() or b[j] == "_"):
                out.append(b[i:j])
            else:
                out.append("N")
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


def hex_sub(m: re.Match) -> str:
    v = int(m.group(1), 16)
    return "0xADDR" if v >= 0x10000 else m.group(0)


def normalise_body(body: str) -> str:
    name = syscall_name(body)
    b = body
    m = GETRANDOM_RE.match(b)
    if m:
        b = m.group(1) + '"RANDOM"' + b[m.end():]
    b = HEX_RE.sub(hex_sub, b)
    b = MAPS_RE.sub("ADDR-ADDR", b)
    b = STX_TIME_RE.sub(lambda m: m.group(1) + "={tv_sec=T, tv_nsec=T}", b)
    b = TIME_FIELD_RE.sub(lambda m: m.group(1) + "=T", b)
    b = INODE_FIELD_RE.sub(lambda m: m.group(1) + "=N", b)
    b = TMPFILE_RE.sub("/#INODE", b)
    b = FD_INODE_RE.sub(lambda m: ":[INODE" + ("->INODE" if m.group(2) else "") + "]", b)
    b = PORT_RE.sub(lambda m: m.group(1) + "=htons(" + (m.group(2) if int(m.group(2)) < 1024 else "PORT") + ")", b)
    b = IPPORT_RE.sub(lambda m: m.group(1) + ":" + (m.group(2) if int(m.group(2)) < 1024 else "PORT"), b)
    b = SIUTIME_RE.sub(lambda m: m.group(1) + "=N", b)
    b = LEFT_RE.sub("left {TIME}", b)
    b = STATFS_RE.sub(lambda m: m.group(1) + "=N", b)
    if name in VOLATILE:
        b = numbers_in_braces(b)
        if name in ("time", "times"):
            # time(NULL) = 1795808467 (2026-11-27T19:41:07+0000)
            b = re.sub(r"(\) +)= \d+( \(\d{4}-\d\d-\d\dT[0-9:]+[+-]\d{4}\))?$",
                       lambda m: m.group(1) + "= N" + (" (TIME)" if m.group(2) else ""), b)
    # canonical alignment: ") = "
    ms = list(ALIGN_RE.finditer(b))
    if ms:
        m = ms[-1]
        b = b[: m.start()] + ") =" + b[m.end():]
    return b


@dataclass
class Stream:
    pid: int
    lines: list = field(default_factory=list)      # bodies (raw, merged)
    misaligned: list = field(default_factory=list)  # parallel flags
    pending: int | None = None                      # index of open unfinished line


def parse_log(text: str):
    """Split a -f -o log into per-pid streams, merging unfinished/resumed."""
    streams: dict[int, Stream] = {}
    order: list[int] = []
    for raw in text.splitlines():
        if not raw:
            continue
        m = PREFIX_RE.match(raw)
        if m:
            pid = int(m.group(1) or m.group(2))
            body = raw[m.end():]
        else:
            pid = 0
            body = raw
        st = streams.get(pid)
        if st is None:
            st = streams[pid] = Stream(pid)
            order.append(pid)
        aligned = check_alignment(raw)
        rm = RESUMED_RE.match(body)
        if rm and st.pending is not None:
            i = st.pending
            st.lines[i] = st.lines[i] + rm.group(2)
            st.misaligned[i] = not aligned
            st.pending = None
            if body.endswith(UNFINISHED_SUFFIX):  # resumed and unfinished again
                st.lines[i] = st.lines[i][: -len(UNFINISHED_SUFFIX)]
                st.pending = i
            continue
        if body.endswith(UNFINISHED_SUFFIX) and not body.startswith("<..."):
            st.lines.append(body[: -len(UNFINISHED_SUFFIX)])
            st.misaligned.append(False)
            st.pending = len(st.lines) - 1
            continue
        st.pending = None
        st.lines.append(body)
        st.misaligned.append(not aligned)
    # a call that stayed unfinished (never resumed) keeps its marker
    for st in streams.values():
        if st.pending is not None:
            st.lines[st.pending] += UNFINISHED_SUFFIX
    return streams, order


SIGCHLD_PREFIX = "--- SIGCHLD "
ERESTART_SUFFIXES = (" = ? ERESTARTSYS (To be restarted if SA_RESTART is set)",
                     " = ? ERESTARTNOINTR (To be restarted)")


def canonical_sigchld(lines: list) -> list:
    """SIGCHLD arrives whenever the tracer lets the child's exit be seen by
    its parent: its position in the parent's stream is scheduling noise for
    any program that does not block it (e.g. every shell).  Move each
    "--- SIGCHLD" line, with a directly following rt_sigreturn of a handler
    that made no syscalls, to the end of the stream (before "+++" lines), and
    drop the "= ? ERESTART*" line of a call it interrupted if the same call
    follows again."""
    kept, moved = [], []
    i = 0
    while i < len(lines):
        l = lines[i]
        if l.startswith(SIGCHLD_PREFIX):
            moved.append(l)
            j = i + 1
            if j < len(lines) and lines[j].startswith("rt_sigreturn("):
                r = lines[j]
                k = r.rfind(") = ")
                moved.append((r[:k] if k >= 0 else r) + ") = <R>")
                j += 1
            if kept and kept[-1].endswith(ERESTART_SUFFIXES) and j < len(lines):
                nm = syscall_name(kept[-1])
                if syscall_name(lines[j]) == nm:
                    kept.pop()
            i = j
            continue
        kept.append(l)
        i += 1
    if not moved:
        return lines
    tail = []
    while kept and kept[-1].startswith("+++ "):
        tail.insert(0, kept.pop())
    return kept + ["(async) " + m for m in moved] + tail


def normalise_log(text: str, tracer_pid: int, exit_status: int | None,
                  strict_sigchld: bool = False):
    """Normalised lines, per-pid streams in canonical (BFS) order."""
    streams, order = parse_log(text)
    known = set(p for p in streams if p) | {tracer_pid}
    mapping: dict[int, str] = {tracer_pid: "TRACER"}
    queue: list[int] = []
    visited: set[int] = set()
    counter = [0]

    def tag_for(pid: int) -> str:
        if pid not in mapping:
            counter[0] += 1
            mapping[pid] = "P%d" % counter[0]
            if pid in streams:
                queue.append(pid)
        return mapping[pid]

    if order:
        tag_for(order[0])
    out_streams: list[tuple[int, list[str]]] = []
    # BFS over streams: numbering follows the order pids are mentioned in
    # each (deterministic) per-process stream, not the interleaving.
    while True:
        while queue:
            pid = queue.pop(0)
            if pid in visited:
                continue
            visited.add(pid)
            st = streams[pid]
            lines = []
            for body, mis in zip(st.lines, st.misaligned):
                name = syscall_name(body)
                spans = pid_spans(body, name)
                nb = []
                last = 0
                for s, e, is_ret in spans:
                    if s < last:
                        continue
                    v = int(body[s:e])
                    if v in known:
                        rep = "<" + tag_for(v) + ">"
                    elif is_ret and v > 1:
                        rep = "<PID?>"
                    else:
                        continue
                    nb.append(body[last:s])
                    nb.append(rep)
                    last = e
                nb.append(body[last:])
                b = normalise_body("".join(nb))
                if mis:
                    b += "  /* MISALIGNED */"
                lines.append(b)
            if not strict_sigchld:
                lines = canonical_sigchld(lines)
            out_streams.append((pid, lines))
        rest = [p for p in order if p not in visited]
        if not rest:
            break
        tag_for(rest[0])
    result = []
    for pid, lines in out_streams:
        t = mapping.get(pid, "P?")
        result.extend("%s %s" % (t, l) for l in lines)
    if exit_status is not None:
        result.append("## tracer exit status %d" % exit_status)
    return result


# --------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------

@dataclass
class Item:
    name: str
    argv: list
    kind: str  # "corpus" or "command"


@dataclass
class RunResult:
    log: str
    status: int | None
    pid: int
    timed_out: bool
    stderr: str
    seconds: float


def run_traced(tracer: str, flags: list, item: Item, cwd: str, logfile: str,
               timeout: float, env: dict) -> RunResult:
    if os.path.isdir(cwd):
        shutil.rmtree(cwd, ignore_errors=True)
    os.makedirs(cwd, exist_ok=True)
    if os.path.exists(logfile):
        os.unlink(logfile)
    cmd = [tracer, "-f", "-o", logfile] + flags + item.argv

    def pre():
        os.umask(0o022)
        for s in (signal.SIGINT, signal.SIGQUIT, signal.SIGPIPE):
            signal.signal(s, signal.SIG_DFL)

    t0 = time.monotonic()
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         start_new_session=True, preexec_fn=pre)
    timed_out = False
    try:
        _, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, err = p.communicate()
    dt = time.monotonic() - t0
    try:
        with open(logfile, "r", encoding="utf-8", errors="surrogateescape") as f:
            log = f.read()
    except FileNotFoundError:
        log = ""
    status = p.returncode
    if status is not None and status < 0:
        status = 128 - status  # killed by signal N -> 128+N, as a shell shows it
    return RunResult(log, None if timed_out else status, p.pid, timed_out,
                     err.decode("utf-8", "replace"), dt)


@dataclass
class Comparison:
    item: Item
    ref: list
    got: list
    lines: int
    identical: int
    notes: list
    opcodes: list
    seconds: float


def compare_item(item: Item, args, pass_name: str, flags: list, env: dict) -> Comparison:
    base = os.path.join(args.work_dir, pass_name)
    cwd = os.path.join(base, "run", item.name)
    logs = os.path.join(base, "logs")
    os.makedirs(logs, exist_ok=True)
    ref_log = os.path.join(logs, item.name + ".strace.log")
    got_log = os.path.join(logs, item.name + ".syscope.log")
    t0 = time.monotonic()
    r = run_traced(args.strace, flags, item, cwd, ref_log, args.timeout, env)
    left = args.deadline - time.monotonic()
    notes = []
    if left > 1:
        g = run_traced(args.syscope, flags, item, cwd, got_log, min(args.timeout, left), env)
    else:
        g = RunResult("", None, -1, True, "", 0.0)
        notes.append("not run: --total-timeout budget exhausted")
    shutil.rmtree(cwd, ignore_errors=True)
    if r.timed_out:
        notes.append("reference timed out")
    if g.timed_out and g.pid != -1:
        notes.append("syscope TIMED OUT after %.0fs" % g.seconds)
    if not g.log and not g.timed_out:
        notes.append("syscope wrote no log (status %s): %s"
                     % (g.status, g.stderr.strip().splitlines()[:1]))
    ref = normalise_log(r.log, r.pid, r.status, args.strict_sigchld)
    got = normalise_log(g.log, g.pid, g.status, args.strict_sigchld)
    with open(os.path.join(logs, item.name + ".strace.norm"), "w") as f:
        f.write("\n".join(ref) + "\n")
    with open(os.path.join(logs, item.name + ".syscope.norm"), "w") as f:
        f.write("\n".join(got) + "\n")
    sm = difflib.SequenceMatcher(None, ref, got, autojunk=False)
    identical = sum(b.size for b in sm.get_matching_blocks())
    lines = max(len(ref), len(got))
    return Comparison(item, ref, got, lines, identical, notes,
                      [op for op in sm.get_opcodes() if op[0] != "equal"],
                      time.monotonic() - t0)


def load_items(args) -> list:
    items = []
    if args.corpus:
        if not os.path.isdir(args.corpus):
            print("error: corpus directory %s does not exist" % args.corpus, file=sys.stderr)
            sys.exit(2)
        for n in sorted(os.listdir(args.corpus)):
            p = os.path.join(args.corpus, n)
            if os.path.isfile(p) and os.access(p, os.X_OK) and "." not in n:
                items.append(Item(n, [os.path.abspath(p)], "corpus"))
    if args.commands:
        with open(args.commands) as f:
            for ln in f:
                ln = ln.strip()
                if not ln or ln.startswith("#"):
                    continue
                name, _, cmd = ln.partition(":")
                name = name.strip()
                if not re.fullmatch(r"[A-Za-z0-9_.-]+", name) or not cmd.strip():
                    print("error: bad command line: %r (want 'name: command')" % ln, file=sys.stderr)
                    sys.exit(2)
                items.append(Item("cmd-" + name, shlex.split(cmd), "command"))
    if args.only:
        want = set(args.only)
        items = [i for i in items if i.name in want or i.name.removeprefix("cmd-") in want]
    return items


def fmt_pct(identical: int, lines: int) -> str:
    return "%.2f%%" % (100.0 * identical / lines if lines else 100.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--strace", default="/usr/bin/strace", help="reference tracer")
    ap.add_argument("--syscope", required=True, help="tracer under test")
    ap.add_argument("--corpus", help="directory of built corpus programs")
    ap.add_argument("--commands", help="file of 'name: command' lines")
    ap.add_argument("--pass", dest="pass_name", choices=sorted(PASSES), default="default")
    ap.add_argument("--min-percent", type=float, default=0.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30.0, help="per traced run, seconds")
    ap.add_argument("--total-timeout", type=float, default=240.0,
                    help="budget for the whole pass; syscope runs not started in time count as 0%%")
    ap.add_argument("--work-dir", default=None, help="scratch dir (default: ./diff-work)")
    ap.add_argument("--report-dir", default=None, help="where JSON/TSV reports go (default: work dir)")
    ap.add_argument("--show", type=int, default=6, help="diff lines shown per program")
    ap.add_argument("--strict-sigchld", action="store_true",
                    help="do not move SIGCHLD deliveries to the end of each stream")
    ap.add_argument("--only", nargs="*", help="run only these programs/commands")
    args = ap.parse_args()

    if not (os.path.isfile(args.strace) and os.access(args.strace, os.X_OK)):
        print("SKIPPED: %s not found" % args.strace)
        return 0
    if not (os.path.isfile(args.syscope) and os.access(args.syscope, os.X_OK)):
        print("error: tracer under test %s not found or not executable" % args.syscope, file=sys.stderr)
        print("DIFF pass=%s lines=0 identical=0 match=0.00%% (syscope missing)" % args.pass_name)
        return 2
    args.strace = os.path.abspath(args.strace)
    args.syscope = os.path.abspath(args.syscope)
    args.work_dir = os.path.abspath(args.work_dir or "diff-work")
    args.report_dir = os.path.abspath(args.report_dir or args.work_dir)
    if not args.corpus and not args.commands:
        print("error: need --corpus and/or --commands", file=sys.stderr)
        return 2
    items = load_items(args)
    if not items:
        print("error: nothing to run", file=sys.stderr)
        return 2
    flags = PASSES[args.pass_name]
    env = fixed_env(os.path.join(args.work_dir, args.pass_name, "home"))
    os.makedirs(env["HOME"], exist_ok=True)

    t0 = time.monotonic()
    args.deadline = t0 + args.total_timeout
    results: dict[str, Comparison] = {}
    with cf.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = {ex.submit(compare_item, it, args, args.pass_name, flags, env): it for it in items}
        for fu in cf.as_completed(futs):
            c = fu.result()
            results[c.item.name] = c

    tot_lines = tot_ident = 0
    per_sys: dict[str, list] = {}
    prog_rows = []
    for it in items:
        c = results[it.name]
        tot_lines += c.lines
        tot_ident += c.identical
        for l in c.ref:
            per_sys.setdefault(syscall_name(l.split(" ", 1)[1] if " " in l else l), [0, 0, 0])[0] += 1
        for op, i1, i2, j1, j2 in c.opcodes:
            for l in c.ref[i1:i2]:
                per_sys.setdefault(syscall_name(l.split(" ", 1)[1]), [0, 0, 0])[1] += 1
            for l in c.got[j1:j2]:
                per_sys.setdefault(syscall_name(l.split(" ", 1)[1] if " " in l else l), [0, 0, 0])[2] += 1
        prog_rows.append(c)

    # per-program lines, worst first within the printout's second half
    for c in prog_rows:
        note = (" [" + "; ".join(c.notes) + "]") if c.notes else ""
        print("PROG %s pass=%s lines=%d identical=%d match=%s%s" % (
            c.item.name, args.pass_name, c.lines, c.identical, fmt_pct(c.identical, c.lines), note))
        shown = 0
        for op, i1, i2, j1, j2 in c.opcodes:
            if shown >= args.show:
                break
            for l in c.ref[i1:i2][:3]:
                print("  - " + l)
            for l in c.got[j1:j2][:3]:
                print("  + " + l)
            shown += 1
    worst = sorted(prog_rows, key=lambda c: (c.identical / c.lines if c.lines else 1.0))[:10]
    worst_s = " ".join("%s=%s" % (c.item.name, fmt_pct(c.identical, c.lines)) for c in worst
                       if c.identical != c.lines)
    print("WORST %s" % (worst_s or "(none)"))
    differing = sorted(((k, v) for k, v in per_sys.items() if v[1] or v[2]), key=lambda kv: -(kv[1][1] + kv[1][2]))
    print("SYSCALLS-DIFFERING %s" % (" ".join("%s:%d/%d" % (k, v[1], v[0]) for k, v in differing[:40]) or "(none)"))

    os.makedirs(args.report_dir, exist_ok=True)
    report = {
        "pass": args.pass_name,
        "flags": flags,
        "strace": args.strace,
        "syscope": args.syscope,
        "lines": tot_lines,
        "identical": tot_ident,
        "match_percent": round(100.0 * tot_ident / tot_lines, 4) if tot_lines else 100.0,
        "seconds": round(time.monotonic() - t0, 2),
        "programs": {
            c.item.name: {
                "kind": c.item.kind, "argv": c.item.argv, "lines": c.lines,
                "identical": c.identical, "notes": c.notes,
                "diffs": [{"ref": c.ref[i1:i2], "got": c.got[j1:j2]} for _, i1, i2, j1, j2 in c.opcodes[:50]],
            } for c in prog_rows
        },
        "syscalls": {k: {"ref_lines": v[0], "ref_lines_differing": v[1], "syscope_lines_differing": v[2]}
                     for k, v in sorted(per_sys.items())},
    }
    jpath = os.path.join(args.report_dir, "diff_%s.json" % args.pass_name)
    with open(jpath, "w") as f:
        json.dump(report, f, indent=1, sort_keys=True)
    tpath = os.path.join(args.report_dir, "diff_%s_syscalls.tsv" % args.pass_name)
    with open(tpath, "w") as f:
        f.write("syscall\tref_lines\tref_lines_differing\tsyscope_lines_differing\n")
        for k, v in sorted(per_sys.items(), key=lambda kv: (-(kv[1][1] + kv[1][2]), kv[0])):
            f.write("%s\t%d\t%d\t%d\n" % (k, v[0], v[1], v[2]))
    print("REPORT %s %s" % (jpath, tpath))
    pct = 100.0 * tot_ident / tot_lines if tot_lines else 100.0
    print("DIFF pass=%s lines=%d identical=%d match=%.2f%% programs=%d seconds=%.1f" % (
        args.pass_name, tot_lines, tot_ident, pct, len(items), time.monotonic() - t0))
    if pct + 1e-9 < args.min_percent:
        print("FAIL: match %.2f%% is below --min-percent %.2f" % (pct, args.min_percent))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
