#ifndef YUGANG_COPENCC_SHIM_H
#define YUGANG_COPENCC_SHIM_H
#include <opencc.h>
#endif
