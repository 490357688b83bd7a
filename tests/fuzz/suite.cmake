# SPDX-License-Identifier: MIT
# Decoder fuzzing (issue 3). decoder_fuzz is decoder_fuzz.cc (the
# LLVMFuzzerTestOneInput target) + fuzz_main.cc (a seeded, reproducible
# driver), built with the project's compiler; with SYSCOPE_SANITIZE it runs
# under ASan+UBSan like everything else. ctest runs a short pass,
# fuzz_decoders_short, in every build.
#
# With clang, -DSYSCOPE_LIBFUZZER=ON also builds decoder_fuzz_libfuzzer, the
# same target linked with libFuzzer (coverage-guided; decoders and printer
# instrumented):
#   CC=clang CXX=clang++ cmake -S . -B build-libfuzzer -G Ninja \
#     -DSYSCOPE_LIBFUZZER=ON -DSYSCOPE_SANITIZE=ON -DSYSCOPE_WERROR=OFF
#   ninja -C build-libfuzzer decoder_fuzz_libfuzzer
#   build-libfuzzer/tests/decoder_fuzz_libfuzzer -max_total_time=600 corpus_dir/
# A crash file it writes replays with either binary: decoder_fuzz crash-...
option(SYSCOPE_LIBFUZZER "Build the libFuzzer decoder target (clang only)" OFF)

set(_fuzz_dir ${CMAKE_CURRENT_LIST_DIR})

add_executable(decoder_fuzz ${_fuzz_dir}/decoder_fuzz.cc ${_fuzz_dir}/fuzz_main.cc)
target_link_libraries(decoder_fuzz PRIVATE syscope_decoders)
target_include_directories(decoder_fuzz PRIVATE ${CMAKE_SOURCE_DIR}/src ${CMAKE_SOURCE_DIR}/tests)
set_target_properties(decoder_fuzz PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)

# 20,000 inputs: every syscall of both tables ~20 times with varied memory
# and options. --max-seconds keeps a slow (sanitized, loaded) machine under
# the timeout: the pass then stops early and says so, without failing.
add_test(NAME fuzz_decoders_short
  COMMAND decoder_fuzz --iterations 20000 --seed 1 --max-seconds 90
  WORKING_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
set_tests_properties(fuzz_decoders_short PROPERTIES TIMEOUT 120 LABELS "fuzz")

if(SYSCOPE_LIBFUZZER)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SYSCOPE_LIBFUZZER needs clang (CXX=clang++)")
  endif()
  target_compile_options(syscope_decoders PRIVATE -fsanitize=fuzzer-no-link)
  target_compile_options(syscope_format PRIVATE -fsanitize=fuzzer-no-link)
  add_executable(decoder_fuzz_libfuzzer ${_fuzz_dir}/decoder_fuzz.cc)
  target_link_libraries(decoder_fuzz_libfuzzer PRIVATE syscope_decoders)
  target_include_directories(decoder_fuzz_libfuzzer PRIVATE ${CMAKE_SOURCE_DIR}/src ${CMAKE_SOURCE_DIR}/tests)
  set(_lf_san -fsanitize=fuzzer)
  if(NOT SYSCOPE_SANITIZE)
    list(APPEND _lf_san -fsanitize=address,undefined)
  endif()
  target_compile_options(decoder_fuzz_libfuzzer PRIVATE ${_lf_san})
  target_link_options(decoder_fuzz_libfuzzer PRIVATE ${_lf_san})
  set_target_properties(decoder_fuzz_libfuzzer PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
endif()
