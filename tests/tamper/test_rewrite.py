#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""--rewrite-path, --rewrite, --set-return (syscope extensions) and the
library API example.

--rewrite-path OLD=NEW: `cat /etc/hostname` prints NEW's content; more than
ten different path-taking syscalls (open, openat, stat, lstat, newfstatat,
statx, access, faccessat, readlink, mkdir, rmdir, rename, link, unlink,
symlink, truncate, chmod, utimensat, chdir, execve) act on NEW when the
program names OLD (a path that does not exist, so every success is the
rewrite's); the trace shows the new path with " (INJECTED: args)"; the
program's registers are restored (it goes on correctly); its memory map is
unchanged when the thread runs on the main stack, and grows by exactly one
page (once) for a thread on its own stack. The rewrites also happen for
syscalls outside -e trace= (with the seccomp filter on)."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tamperlib import ENV, Test  # noqa: E402

t = Test(__doc__)
probe = t.prog("tamper_probe")
tmp = t.tmp


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


# --- cat /etc/hostname -------------------------------------------------------
myhost = os.path.join(tmp, "myhostname")
write(myhost, "not-the-real-hostname\n")
for extra in ([], ["-e", "trace=none"], ["-e", "trace=write", "--seccomp-bpf", "-f"]):
    log = os.path.join(tmp, "cat.log")
    rc, out, err, _ = t.run([t.tracer, "-o", log] + extra + ["--rewrite-path", "/etc/hostname=" + myhost, "cat",
                            "/etc/hostname"], env=ENV)
    t.check(rc == 0 and out == "not-the-real-hostname\n",
            "%s: cat /etc/hostname prints FILE's content" % (" ".join(extra) or "default"), repr(out) + err)
text = ""
rc, out, err, _ = t.run([t.tracer, "-o", os.path.join(tmp, "cat2.log"), "--rewrite-path", "/etc/hostname=" + myhost,
                        "cat", "/etc/hostname"], env=ENV)
text = t.read(os.path.join(tmp, "cat2.log"))
t.check(('openat(AT_FDCWD, "%s", O_RDONLY) = 3 (INJECTED: args)' % myhost) in text,
        "the trace shows the new path, marked (INJECTED: args)",
        "\n".join(ln for ln in text.splitlines() if "openat" in ln))

# --- twenty path-taking syscalls ---------------------------------------------
EXPECT = [
    'open: ok "from FILE"', 'openat: ok "from FILE"', "stat: 10", "lstat: 10", "newfstatat: 10", "statx: 10",
    "access: 0", "faccessat: 0", 'readlink: ok "target"', "mkdir: 0", "rmdir: 0", "mkdir2: 0", "rename: 0",
    "link: 0", "unlink: 0", "symlink: 0", "truncate: 0", "chmod: 0", "utimensat: 0", "chdir: 0",
]


def setup_dir(d):
    os.makedirs(d)
    write(os.path.join(d, "file"), "from FILE\n")
    write(os.path.join(d, "a"), "a\n")
    write(os.path.join(d, "trunc"), "12345\n")
    os.symlink("target", os.path.join(d, "link"))
    os.symlink("/bin/echo", os.path.join(d, "echo"))


old = "/nonexistent-syscope/dir"
new = os.path.join(tmp, "newdir")
setup_dir(new)
log = os.path.join(tmp, "paths.log")
rc, out, err, _ = t.run([t.tracer, "-f", "-o", log, "--rewrite-path", old + "=" + new, probe, "paths", old], env=ENV)
lines = out.splitlines()
for want in EXPECT:
    t.check(want in lines, "rewritten: %s" % want, out + err)
t.check("getcwd: %s" % new in lines, "chdir(OLD) moved to NEW (getcwd)", out)
t.check("execve: ok" in lines, "execve(OLD/echo) ran NEW/echo", out)
t.check(os.path.isdir(os.path.join(new, "keepdir")) and os.path.exists(os.path.join(new, "c"))
        and not os.path.exists(os.path.join(new, "b")) and os.path.islink(os.path.join(new, "sym"))
        and os.path.getsize(os.path.join(new, "trunc")) == 3,
        "the changes are in NEW (mkdir, rename+link+unlink, symlink, truncate)", str(os.listdir(new)))
trace = t.read(log)
names = set()
for ln in trace.splitlines():
    m = re.match(r"^(?:\d+ +)?([a-z0-9_]+)\(.*\"%s[/\"].*\(INJECTED: args\)$" % re.escape(new), ln)
    if m:
        names.add(m.group(1))
t.check(len(names) >= 10, "%d different syscalls rewritten: %s" % (len(names), " ".join(sorted(names))))
t.check(old not in trace.replace('"paths", "%s"' % old, ""), "the trace shows only new paths")

# The same program without the rewrite: everything fails.
rc, out, err, _ = t.run([t.tracer, "-o", os.path.join(tmp, "plain.log"), probe, "paths", old], env=ENV)
t.check(out.count("-1 ENOENT") >= 18, "without --rewrite-path every call fails with ENOENT", out)

# Rewrites for syscalls outside the traced set, with the seccomp filter.
new2 = os.path.join(tmp, "newdir2")
setup_dir(new2)
rc, out, err, _ = t.run([t.tracer, "-f", "--seccomp-bpf", "-o", os.path.join(tmp, "sec.log"), "-e", "trace=chdir",
                        "--rewrite-path", old + "=" + new2, probe, "paths", old], env=ENV)
t.check(all(w in out.splitlines() for w in EXPECT) and "execve: ok" in out,
        "-e trace=chdir --seccomp-bpf: every call is still rewritten", out + err)

# --- nothing leaks -------------------------------------------------------------
rc, out, err, _ = t.run([t.tracer, "-o", "/dev/null", "--rewrite-path", "/nonexistent-syscope/h=" + myhost, probe,
                        "maps", "/nonexistent-syscope/h"], env=ENV)
t.check('content: "not-the-real-hostname"' in out and "changed mappings: 0 then 0" in out
        and "mapped bytes: +0 then +0" in out,
        "main thread: the memory map is the same after the rewrite (string below the red zone)", out + err)
rc, out, err, _ = t.run([t.tracer, "-f", "-o", "/dev/null", "--rewrite-path", "/nonexistent-syscope/h=" + myhost,
                        probe, "maps", "/nonexistent-syscope/h", "thread"], env=ENV)
t.check('content: "not-the-real-hostname"' in out and "mapped bytes: +4096 then +0" in out,
        "thread on its own stack: one scratch page, created once", out + err)
rc, out, err, _ = t.run([probe, "maps", "/nonexistent-syscope/h"], env=ENV)
t.check('content: ""' in out, "untraced, the path does not exist", out)

# --- --rewrite and --set-return ------------------------------------------------
rc, out, err, _ = t.run([t.tracer, "-o", os.path.join(tmp, "rw.log"), "-e", "trace=write", "--rewrite",
                        "write:arg3=5:when=1", probe, "write"], env=ENV)
t.check(out == "hellohello world\nwrite=5,12\n", "--rewrite write:arg3=5:when=1 shortens the first write", repr(out))
text = t.read(os.path.join(tmp, "rw.log"))
t.check(re.search(r'^write\(1, "hello", 5\) += 5 \(INJECTED: args\)$', text, re.M) is not None,
        "the trace shows the new count", text)
rc, out, err, _ = t.run([t.tracer, "-o", os.path.join(tmp, "sr.log"), "-e", "trace=getuid", "--set-return",
                        "getuid:4242", probe, "getpid"], env=ENV)
t.check("getuid=4242" in out, "--set-return getuid:4242", out + err)
t.check("getuid()                                = 4242 (INJECTED)" in t.read(os.path.join(tmp, "sr.log")),
        "the trace shows the new return value", t.read(os.path.join(tmp, "sr.log")))
rc, out, err, _ = t.run([t.tracer, "-o", "/dev/null", "--set-return", "getuid:-EPERM", probe, "getpid"], env=ENV)
t.check("getuid=-1" in out, "--set-return getuid:-EPERM makes it fail", out + err)
for bad in (["--rewrite", "write"], ["--rewrite-path", "/x"], ["--set-return", "getuid"],
            ["--set-return", "nosuch:1"]):
    rc, out, err, _ = t.run([t.tracer] + bad + ["true"], env=ENV)
    t.check(rc == 1 and err.startswith("syscope: invalid "), "%s: refused (%s)" % (" ".join(bad), err.strip()))

# --- the library example -------------------------------------------------------
example = os.path.abspath(os.environ.get("SYSCOPE_TAMPER_EXAMPLE", "")) if os.environ.get("SYSCOPE_TAMPER_EXAMPLE") else None
if example and os.access(example, os.X_OK):
    rc, out, err, _ = t.run([example, "--uid", "4242", "--hostname", myhost, "--deny", "/etc/passwd", "sh", "-c",
                            "id -u; cat /etc/hostname; cat /etc/passwd; echo status=$?"], env=ENV)
    t.check(out == "4242\nnot-the-real-hostname\nstatus=1\n", "example: uid, hostname and denied open", out + err)
    t.check("geteuid() = 4242" in err and "-> \"%s\"" % myhost in err and "denied" in err,
            "example: reports each tampered call", err)
else:
    print("note: SYSCOPE_TAMPER_EXAMPLE not set, library example not run")

t.finish()
