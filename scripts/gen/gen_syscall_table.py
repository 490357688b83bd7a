#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Turns the checked-in syscall tables into C++.

    gen_syscall_table.py --out DIR/syscall_table_data.cc x86_64.tsv i386.tsv

Each TSV is one ABI (named by the file's basename) with rows
`nr<TAB>name<TAB>nargs<TAB>classes`; '#' starts a comment line.

Writes:
  * --out: the definitions of everything declared in
    include/syscope/syscall_table.h;
  * DIR/check_syscall_numbers_<abi>.cc, one per ABI: static_asserts that our
    numbers agree with the installed <asm/unistd_*.h> for every name it has.
    One file per ABI because unistd_64.h and unistd_32.h define the same
    __NR_* macros with different values, so they cannot share a translation
    unit.

Files are rewritten only when their content changes, so an unchanged table
does not trigger a rebuild.
"""

import argparse
import os
import re
import sys

# Class names used in the TSV -> SyscallClass enumerators.
CLASS_BITS = {
    "file": "kClassFile",
    "desc": "kClassDesc",
    "network": "kClassNetwork",
    "process": "kClassProcess",
    "signal": "kClassSignal",
    "ipc": "kClassIpc",
    "memory": "kClassMemory",
    "creds": "kClassCreds",
    "clock": "kClassClock",
    "stat": "kClassStat",
    "lstat": "kClassLstat",
    "fstat": "kClassFstat",
    "statlike": "kClassStatLike",
    "statfs": "kClassStatfs",
    "fstatfs": "kClassFstatfs",
    "statfslike": "kClassStatfsLike",
    "pure": "kClassPure",
    "noreturn": "kNeverReturns",
}

# Spellings -e trace=%NAME accepts (without the leading %) -> enumerator.
# "%stat" is strace's %%stat. "noreturn" is internal, so not listed.
CLASS_ALIASES = {
    "file": "kClassFile",
    "desc": "kClassDesc",
    "network": "kClassNetwork",
    "net": "kClassNetwork",
    "process": "kClassProcess",
    "signal": "kClassSignal",
    "ipc": "kClassIpc",
    "memory": "kClassMemory",
    "creds": "kClassCreds",
    "clock": "kClassClock",
    "stat": "kClassStat",
    "lstat": "kClassLstat",
    "fstat": "kClassFstat",
    "%stat": "kClassStatLike",
    "statfs": "kClassStatfs",
    "fstatfs": "kClassFstatfs",
    "%statfs": "kClassStatfsLike",
    "pure": "kClassPure",
}

# ABI (TSV basename) -> (Abi enumerator, uapi header with its __NR_* numbers).
ABIS = {
    "x86_64": ("kX86_64", "asm/unistd_64.h"),
    "i386": ("kI386", "asm/unistd_32.h"),
}

NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def fail(path, lineno, msg):
    sys.exit(f"{path}:{lineno}: {msg}")


def read_tsv(path):
    """Returns [(nr, name, nargs, [class, ...])] sorted by nr, validated."""
    rows = []
    seen_nr, seen_name = {}, {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4:
                fail(path, lineno, f"expected 4 tab-separated columns, got {len(cols)}")
            nr_s, name, nargs_s, classes_s = cols
            if not nr_s.isdigit() or not nargs_s.isdigit():
                fail(path, lineno, "nr and nargs must be decimal numbers")
            nr, nargs = int(nr_s), int(nargs_s)
            if not NAME_RE.match(name):
                fail(path, lineno, f"bad name {name!r}")
            if nargs > 6:
                fail(path, lineno, f"{name}: a syscall has at most 6 arguments")
            # An index array is used for lookups by number, so keep it small.
            if nr > 4095:
                fail(path, lineno, f"{name}: number {nr} too large for a dense index")
            classes = [] if classes_s == "-" else classes_s.split(",")
            for c in classes:
                if c not in CLASS_BITS:
                    fail(path, lineno, f"{name}: unknown class {c!r}")
            if nr in seen_nr:
                fail(path, lineno, f"number {nr} already used by {seen_nr[nr]}")
            if name in seen_name:
                fail(path, lineno, f"name {name} already used by {seen_name[name]}")
            seen_nr[nr], seen_name[name] = name, nr
            rows.append((nr, name, nargs, classes))
    if not rows:
        sys.exit(f"{path}: no syscalls")
    rows.sort()
    return rows


def classes_expr(classes):
    if not classes:
        return "0u"
    return " | ".join(CLASS_BITS[c] for c in classes)


def emit_abi(abi, rows):
    """The per-ABI arrays, in an anonymous namespace; named after the Abi enumerator."""
    p = ABIS[abi][0]  # e.g. kX86_64 -> kX86_64Table
    out = [f"// ---- {abi} ----"]
    # Sorted by number, holes left out (the span syscall_table() returns).
    out.append(f"constexpr SyscallDesc {p}Table[] = {{")
    for nr, name, nargs, classes in rows:
        out.append(f'    {{{nr}, "{name}", {nargs}, {classes_expr(classes)}}},')
    out.append("};")
    # Dense number -> table index, -1 for holes: O(1) syscall_by_nr.
    size = rows[-1][0] + 1
    index = [-1] * size
    for i, (nr, _, _, _) in enumerate(rows):
        index[nr] = i
    out.append(f"constexpr int16_t {p}ByNr[{size}] = {{")
    for i in range(0, size, 16):
        out.append("    " + ", ".join(str(x) for x in index[i:i + 16]) + ",")
    out.append("};")
    # Names sorted bytewise (as std::string_view compares) for binary search.
    by_name = sorted(range(len(rows)), key=lambda i: rows[i][1].encode())
    out.append(f"constexpr NameIndex {p}ByName[] = {{")
    for i in by_name:
        out.append(f'    {{"{rows[i][1]}", {i}}},')
    out.append("};")
    out.append("")
    return p, size, out


def gen_table_cc(abis):
    out = [
        "// Generated by scripts/gen/gen_syscall_table.py from src/syscalls/tables/*.tsv.",
        "// Do not edit.",
        '#include "syscope/syscall_table.h"',
        "",
        "#include <algorithm>",
        "#include <cstdint>",
        "",
        "namespace syscope {",
        "namespace {",
        "",
        "struct NameIndex {",
        "  std::string_view name;",
        "  int16_t index;  // into the ABI's table",
        "};",
        "",
        "// Everything an ABI needs; all constant-initialized, no static constructors.",
        "struct AbiTables {",
        "  std::span<const SyscallDesc> table;",
        "  std::span<const int16_t> by_nr;",
        "  std::span<const NameIndex> by_name;",
        "};",
        "",
    ]
    entries = []
    for abi, rows in abis:
        p, size, lines = emit_abi(abi, rows)
        out += lines
        entries.append((ABIS[abi][0], p))
    out.append("constexpr AbiTables ForAbi(Abi abi) {")
    out.append("  switch (abi) {")
    for enumerator, p in entries:
        out.append(f"    case Abi::{enumerator}:")
        out.append(f"      return {{{p}Table, {p}ByNr, {p}ByName}};")
    out.append("  }")
    out.append("  return {};")
    out.append("}")
    out.append("")
    out.append("struct ClassName {")
    out.append("  std::string_view name;")
    out.append("  uint32_t bits;")
    out.append("};")
    out.append("constexpr ClassName kClassNames[] = {")
    for alias, bit in CLASS_ALIASES.items():
        out.append(f'    {{"{alias}", {bit}}},')
    out.append("};")
    out.append("")
    out.append("}  // namespace")
    out.append("")
    out.append(
        """std::span<const SyscallDesc> syscall_table(Abi abi) { return ForAbi(abi).table; }

const SyscallDesc* syscall_by_nr(Abi abi, long nr) {
  const AbiTables t = ForAbi(abi);
  if (nr < 0 || static_cast<unsigned long>(nr) >= t.by_nr.size()) return nullptr;
  const int idx = t.by_nr[nr];
  return idx < 0 ? nullptr : &t.table[idx];
}

const SyscallDesc* syscall_by_name(Abi abi, std::string_view name) {
  const AbiTables t = ForAbi(abi);
  auto it = std::lower_bound(t.by_name.begin(), t.by_name.end(), name,
                             [](const NameIndex& e, std::string_view n) { return e.name < n; });
  if (it == t.by_name.end() || it->name != name) return nullptr;
  return &t.table[it->index];
}

int syscall_table_size(Abi abi) { return static_cast<int>(ForAbi(abi).by_nr.size()); }

uint32_t syscall_class_by_name(std::string_view name) {
  for (const ClassName& c : kClassNames) {
    if (c.name == name) return c.bits;
  }
  return 0;
}

}  // namespace syscope
""")
    return "\n".join(out)


def gen_check_cc(abi, rows):
    header = ABIS[abi][1]
    out = [
        "// Generated by scripts/gen/gen_syscall_table.py. Do not edit.",
        f"// Our {abi} numbers must agree with the installed <{header}> wherever it",
        "// knows a name; names it lacks (newer than the headers) are not checked here.",
        "// The unit test checks the converse: every name the header has is in our table.",
        f"#if (defined(__x86_64__) || defined(__i386__)) && __has_include(<{header}>)",
        f"#include <{header}>",
        "",
    ]
    for nr, name, _, _ in rows:
        out.append(f"#ifdef __NR_{name}")
        out.append(f'static_assert(__NR_{name} == {nr}, "{abi} {name}");')
        out.append("#endif")
    out.append("#endif")
    out.append("")
    return "\n".join(out)


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="the .cc to write")
    ap.add_argument("tables", nargs="+", help="<abi>.tsv files")
    args = ap.parse_args()

    abis = []
    for path in args.tables:
        abi = os.path.basename(path).removesuffix(".tsv")
        if abi not in ABIS:
            sys.exit(f"{path}: unknown ABI {abi!r} (known: {', '.join(ABIS)})")
        abis.append((abi, read_tsv(path)))
    # The Abi switch must cover every enumerator, so every ABI must be given.
    missing = set(ABIS) - {a for a, _ in abis}
    if missing:
        sys.exit(f"missing tables for: {', '.join(sorted(missing))}")

    write_if_changed(args.out, gen_table_cc(abis))
    out_dir = os.path.dirname(os.path.abspath(args.out))
    for abi, rows in abis:
        write_if_changed(os.path.join(out_dir, f"check_syscall_numbers_{abi}.cc"),
                         gen_check_cc(abi, rows))


if __name__ == "__main__":
    main()
