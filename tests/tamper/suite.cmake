# SPDX-License-Identifier: MIT
# Tampering: -e inject=/-e fault= against strace 6.1 (test_inject.py), the
# syscope extensions --rewrite/--rewrite-path/--set-return and the library
# example examples/tamper_fake_uid.cc (test_rewrite.py). Included from
# tests/CMakeLists.txt. Run: ctest -L tamper
set(_tamper_dir ${CMAKE_CURRENT_LIST_DIR})

add_executable(tamper_api_example ${CMAKE_SOURCE_DIR}/examples/tamper_fake_uid.cc)
target_link_libraries(tamper_api_example PRIVATE syscope_lib)
set_target_properties(tamper_api_example PROPERTIES
  RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests/tamper)

foreach(_t inject:240 rewrite:120)
  string(REPLACE ":" ";" _tv ${_t})
  list(GET _tv 0 _name)
  list(GET _tv 1 _timeout)
  add_test(NAME tamper_${_name}
    COMMAND ${Python3_EXECUTABLE} ${_tamper_dir}/test_${_name}.py
            --tracer $<TARGET_FILE:syscope> --progs ${CMAKE_BINARY_DIR}/tests/progs
            --strace /usr/bin/strace)
  set_tests_properties(tamper_${_name} PROPERTIES
    TIMEOUT ${_timeout} LABELS "tamper;integration"
    ENVIRONMENT "SYSCOPE_TAMPER_EXAMPLE=$<TARGET_FILE:tamper_api_example>")
endforeach()
