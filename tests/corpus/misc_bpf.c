/* bpf(2): an array map and a trivial socket filter program */
#include "corpus.h"
#include <linux/bpf.h>

static long bpf(int cmd, union bpf_attr *a, unsigned size) { return S(SYS_bpf, cmd, a, size); }

int main(void)
{
	union bpf_attr a;
	memset(&a, 0, sizeof a);
	a.map_type = BPF_MAP_TYPE_ARRAY;
	a.key_size = 4;
	a.value_size = 8;
	a.max_entries = 4;
	strcpy(a.map_name, "syscope_map");
	int map = bpf(BPF_MAP_CREATE, &a, 72);
	unsigned key = 1;
	unsigned long long val = 0x1234;
	memset(&a, 0, sizeof a);
	a.map_fd = map;
	a.key = (unsigned long)&key;
	a.value = (unsigned long)&val;
	a.flags = BPF_ANY;
	bpf(BPF_MAP_UPDATE_ELEM, &a, 32);
	a.flags = 0;
	bpf(BPF_MAP_LOOKUP_ELEM, &a, 32);
	unsigned next;
	memset(&a, 0, sizeof a);
	a.map_fd = map;
	a.key = (unsigned long)&key;
	a.next_key = (unsigned long)&next;
	bpf(BPF_MAP_GET_NEXT_KEY, &a, 24);
	bpf(BPF_MAP_DELETE_ELEM, &a, 16);      /* EINVAL on arrays */
	memset(&a, 0, sizeof a);
	a.map_fd = map;
	bpf(BPF_MAP_FREEZE, &a, 4);

	struct bpf_insn insns[2] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	memset(&a, 0, sizeof a);
	a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	a.insn_cnt = 2;
	a.insns = (unsigned long)insns;
	a.license = (unsigned long)"GPL";
	strcpy(a.prog_name, "syscope_prog");
	int prog = bpf(BPF_PROG_LOAD, &a, 128);
	memset(&a, 0, sizeof a);
	a.pathname = (unsigned long)"/sys/fs/bpf/syscope-none";
	bpf(BPF_OBJ_GET, &a, 16);                /* ENOENT */
	memset(&a, 0, sizeof a);
	a.map_type = 999;
	bpf(BPF_MAP_CREATE, &a, 20);             /* EINVAL */
	bpf(BPF_MAP_CREATE, NULL, 72);           /* EFAULT */
	bpf(999, &a, 8);                         /* EINVAL */
	S(SYS_close, prog);
	S(SYS_close, map);
	return 0;
}
