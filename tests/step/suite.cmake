# SPDX-License-Identifier: MIT
# `syscope step` tests.  The hand-written assembly programs (tests/progs/
# step_*.S, no libc, linked statically, known instruction counts) are built
# here into ${CMAKE_BINARY_DIR}/tests/step; tests/progs/step_libc.c is one of
# the ordinary helper programs (${CMAKE_BINARY_DIR}/tests/progs).
# Included from tests/CMakeLists.txt.
enable_language(ASM)
set(_step_dir ${CMAKE_CURRENT_LIST_DIR})
set(_step_bin ${CMAKE_BINARY_DIR}/tests/step)
file(GLOB _step_asm CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/progs/step_*.S)
set(_step_targets)
foreach(src ${_step_asm})
  get_filename_component(name ${src} NAME_WE)
  add_executable(stepprog_${name} ${src})
  set_target_properties(stepprog_${name} PROPERTIES OUTPUT_NAME ${name}
    RUNTIME_OUTPUT_DIRECTORY ${_step_bin} LINKER_LANGUAGE C)
  target_link_options(stepprog_${name} PRIVATE -nostdlib -static -Wl,--build-id=none)
  list(APPEND _step_targets stepprog_${name})
endforeach()
add_custom_target(step_programs ALL DEPENDS ${_step_targets})

function(syscope_step_test name timeout)
  add_test(NAME step_${name}
    COMMAND ${Python3_EXECUTABLE} ${_step_dir}/test_${name}.py
            --syscope $<TARGET_FILE:syscope> --bin ${_step_bin}
            --progs ${CMAKE_BINARY_DIR}/tests/progs)
  set_tests_properties(step_${name} PROPERTIES TIMEOUT ${timeout} LABELS "step")
endfunction()

syscope_step_test(counts 300)
syscope_step_test(trace 180)
syscope_step_test(only 400)
syscope_step_test(signals 180)
syscope_step_test(cli 60)
