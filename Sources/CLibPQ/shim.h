#ifndef STARCARD_CLIBPQ_SHIM_H
#define STARCARD_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
