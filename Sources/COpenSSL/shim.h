#ifndef TOASTER_DK_COPENSSL_SHIM_H
#define TOASTER_DK_COPENSSL_SHIM_H

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

// OPENSSL_free is a macro that adds file and line; Swift cannot call macros.
static inline void toaster_OPENSSL_free(void *ptr) { OPENSSL_free(ptr); }

// BIO_get_mem_data is a macro over BIO_ctrl.
static inline long toaster_BIO_get_mem_data(BIO *bio, char **data) {
  return BIO_get_mem_data(bio, data);
}

#endif
