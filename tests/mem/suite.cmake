# SPDX-License-Identifier: MIT
# Memory and registers of a live process (issue 6): syscope mem / regs, the
# library's Process/Memory, examples/ and the memory bandwidth benchmark.
# Included from tests/CMakeLists.txt. Unit tests (tests/unit/memory_*_test.cc)
# run in the `unit` test.
#
#   ctest -R '^mem_'            the integration tests
#   ctest -L mem -LE bench      the same, by label
#   ctest -R mem_bench -V       the benchmark (table + verdict; label "bench")

set(_mem_it ${CMAKE_SOURCE_DIR}/tests/integration)
foreach(_t read_write search errors regs examples)
  add_test(NAME mem_${_t} COMMAND ${Python3_EXECUTABLE} ${_mem_it}/mem_${_t}.py
    --tracer $<TARGET_FILE:syscope> --progs ${CMAKE_BINARY_DIR}/tests/progs)
  set_tests_properties(mem_${_t} PROPERTIES TIMEOUT 300 LABELS "mem"
    ENVIRONMENT "SYSCOPE_EXAMPLES_DIR=${CMAKE_BINARY_DIR}/examples")
endforeach()

if(EXISTS ${CMAKE_SOURCE_DIR}/bench/memory/CMakeLists.txt)
  add_test(NAME mem_bench COMMAND bench_memory)
  set_tests_properties(mem_bench PROPERTIES TIMEOUT 600 LABELS "mem;bench")
endif()
