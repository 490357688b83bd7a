# SPDX-License-Identifier: MIT
# Performance-path correctness: the seccomp filter, the shadow children
# followed without -f and the -c counting modes must not lose or add a single
# syscall. Timings are measured by bench/run.py, never here.
# Included from tests/CMakeLists.txt.
set(_perf_dir ${CMAKE_CURRENT_LIST_DIR})

add_executable(perf_nsyscalls ${_perf_dir}/nsyscalls.c)
set_target_properties(perf_nsyscalls PROPERTIES OUTPUT_NAME nsyscalls
  RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests/perf)
target_compile_options(perf_nsyscalls PRIVATE -O1)
target_link_libraries(perf_nsyscalls PRIVATE Threads::Threads)

add_test(NAME perf_exact_counts
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/integration/perf_exact_counts.py
          --tracer $<TARGET_FILE:syscope> --progs ${CMAKE_BINARY_DIR}/tests/perf)
set_tests_properties(perf_exact_counts PROPERTIES TIMEOUT 600 LABELS "integration;perf")
