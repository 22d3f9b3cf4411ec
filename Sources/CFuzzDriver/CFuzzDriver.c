// Declarations only: the driver itself is in libFuzzer, linked with -sanitize=fuzzer.
#include "CFuzzDriver.h"
