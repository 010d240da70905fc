// libFuzzer's driver (compiler-rt's libclang_rt.fuzzer_no_main, linked by scripts/fuzz.sh's build), which the
// fuzz targets' main.swift call with their test function. A module map only: no C is compiled.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
