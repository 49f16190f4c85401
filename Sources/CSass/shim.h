#ifndef DOCENT_CSASS_SHIM_H
#define DOCENT_CSASS_SHIM_H
#include <sass.h>
#endif
