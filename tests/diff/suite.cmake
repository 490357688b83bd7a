# SPDX-License-Identifier: MIT
# Differential tests: strace (reference) vs syscope on tests/corpus and on the
# real commands of tests/diff/commands.txt.  Included from tests/CMakeLists.txt.
#
# Each pass writes diff_<pass>.json / diff_<pass>_syscalls.tsv under
# ${CMAKE_BINARY_DIR}/tests/diff-report and raw + normalised logs under
# ${CMAKE_BINARY_DIR}/tests/diff-work/<pass>/logs.  Without /usr/bin/strace the
# tests print "SKIPPED: ..." and are reported as skipped.
#
# Thresholds are deliberately below 100 while decoders are being written;
# raise them as syscope catches up (strace vs strace gives 100.00%).

set(SYSCOPE_STRACE_REF /usr/bin/strace CACHE FILEPATH "Reference strace for the differential tests")

set(_diff_common
  ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/run_diff.py
  --strace ${SYSCOPE_STRACE_REF}
  --syscope $<TARGET_FILE:syscope>
  --corpus ${CMAKE_BINARY_DIR}/tests/corpus
  --commands ${CMAKE_CURRENT_LIST_DIR}/commands.txt
  --work-dir ${CMAKE_BINARY_DIR}/tests/diff-work
  --report-dir ${CMAKE_BINARY_DIR}/tests/diff-report
  --jobs 2 --timeout 30 --total-timeout 240)

foreach(_p default:90 verbose:50 yfd:50)
  string(REPLACE ":" ";" _pv ${_p})
  list(GET _pv 0 _pass)
  list(GET _pv 1 _min)
  if(_pass STREQUAL "yfd")
    set(_name diff_yfd)
  else()
    set(_name diff_${_pass})
  endif()
  add_test(NAME ${_name} COMMAND ${_diff_common} --pass ${_pass} --min-percent ${_min})
  set_tests_properties(${_name} PROPERTIES
    TIMEOUT 300
    LABELS "diff"
    SKIP_REGULAR_EXPRESSION "SKIPPED:")
endforeach()

# Harness self-check: strace against itself must be (close to) 100%; this
# guards the determinism of the corpus and of the normalisation.
add_test(NAME diff_selfcheck COMMAND
  ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/run_diff.py
  --strace ${SYSCOPE_STRACE_REF} --syscope ${SYSCOPE_STRACE_REF}
  --corpus ${CMAKE_BINARY_DIR}/tests/corpus
  --commands ${CMAKE_CURRENT_LIST_DIR}/commands.txt
  --work-dir ${CMAKE_BINARY_DIR}/tests/diff-work-self
  --report-dir ${CMAKE_BINARY_DIR}/tests/diff-report-self
  --pass default --min-percent 99.5 --jobs 2)
set_tests_properties(diff_selfcheck PROPERTIES
  TIMEOUT 300 LABELS "diff" SKIP_REGULAR_EXPRESSION "SKIPPED:")
