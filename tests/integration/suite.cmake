# SPDX-License-Identifier: MIT
# Integration tests: run the real syscope binary on helper programs from
# tests/progs (built into ${CMAKE_BINARY_DIR}/tests/progs) and check exit
# statuses, log contents and process states.  Included from
# tests/CMakeLists.txt.  Each script also accepts --tracer /usr/bin/strace,
# which is how the tests themselves were validated.
set(_it_dir ${CMAKE_CURRENT_LIST_DIR})
set(_it_progs ${CMAKE_BINARY_DIR}/tests/progs)

function(syscope_integration_test name timeout)
  add_test(NAME integration_${name}
    COMMAND ${Python3_EXECUTABLE} ${_it_dir}/test_${name}.py
            --tracer $<TARGET_FILE:syscope> --progs ${_it_progs}
            --strace /usr/bin/strace)
  set_tests_properties(integration_${name} PROPERTIES
    TIMEOUT ${timeout} LABELS "integration")
endfunction()

syscope_integration_test(sh_exit 60)
syscope_integration_test(cli_errors 60)
syscope_integration_test(attach_detach 90)
syscope_integration_test(forkthreadexec 180)
syscope_integration_test(exit_status 180)
syscope_integration_test(nothing_lost 300)
