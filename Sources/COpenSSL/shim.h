#ifndef TOASTER_DK_COPENSSL_SHIM_H
#define TOASTER_DK_COPENSSL_SHIM_H

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

// OPENSSL_free is a macro that adds file and line; Swift cannot call macros.
static inline void toaster_OPENSSL_free(void *ptr) { OPENSSL_free(ptr); }

// BIO_get_mem_data is a macro over BIO_ctrl.
static inline long toaster_BIO_get_mem_data(BIO *bio, char **data) {
  return BIO_get_mem_data(bio, data);
}

// EVP_PKEY_KEYPAIR is built from other macros, which Swift does not import.
static inline int toaster_EVP_PKEY_KEYPAIR(void) { return EVP_PKEY_KEYPAIR; }

// EVP_PKEY_PUBLIC_KEY is built from other macros too.
static inline int toaster_EVP_PKEY_PUBLIC_KEY(void) { return EVP_PKEY_PUBLIC_KEY; }

// BN_mod is a macro over BN_div.
static inline int toaster_BN_mod(BIGNUM *rem, const BIGNUM *m, const BIGNUM *d, BN_CTX *ctx) {
  return BN_mod(rem, m, d, ctx);
}

#endif
