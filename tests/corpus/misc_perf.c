/* perf_event_open: a software counter on the process itself, and errors */
#include "corpus.h"
#include <linux/perf_event.h>

int main(void)
{
	struct perf_event_attr at;
	memset(&at, 0, sizeof at);
	at.type = PERF_TYPE_SOFTWARE;
	at.size = sizeof at;
	at.config = PERF_COUNT_SW_TASK_CLOCK;
	at.disabled = 1;
	at.exclude_kernel = 1;
	at.exclude_hv = 1;
	int fd = S(SYS_perf_event_open, &at, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	S(SYS_close, fd);
	at.type = PERF_TYPE_HARDWARE;
	at.config = PERF_COUNT_HW_INSTRUCTIONS;
	at.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID;
	at.read_format = PERF_FORMAT_ID;
	S(SYS_perf_event_open, &at, 0, -1, -1, 0x80);   /* EINVAL: flags */
	at.size = 40;
	S(SYS_perf_event_open, &at, 0, -1, -1, 0);      /* E2BIG */
	S(SYS_perf_event_open, NULL, 0, -1, -1, 0);     /* EFAULT */
	return 0;
}
