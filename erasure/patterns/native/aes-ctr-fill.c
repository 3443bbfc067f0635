/*
 * gomme's AES-128-CTR keystream writer: fills a caller's buffer in place.
 *
 * Why native: node:crypto's cipher.update() allocates a fresh output buffer per call, which the engine then has
 * to copy into its page-aligned O_DIRECT buffer; that caps the keystream at about half of what the same OpenSSL
 * does in place (measured in the benchmark). This module calls OpenSSL's EVP interface -- the one linked into
 * Node itself, so nothing extra is installed -- and writes straight into the aligned buffer.
 *
 * It is deliberately tiny and has no state: the byte-offset addressing, seed parsing and every check on the
 * counter live in TypeScript (erasure/patterns/aes-ctr-stream.ts), which also keeps a node:crypto path as the
 * reference the tests compare this one against.
 */
#define NAPI_VERSION 8
#include <node_api.h>
#include <openssl/evp.h>
#include <stdint.h>

/* Plaintext for the keystream: CTR over zeros is the keystream itself. Static, so it lives in .bss: every page
 * of it maps the kernel's zero page and stays in cache. */
#define ZERO_BYTES (64 * 1024)
static const unsigned char zeros[ZERO_BYTES];

static napi_value throw_type(napi_env env, const char *message) {
  napi_throw_type_error(env, "GOMME_AES_CTR_ARG", message);
  return NULL;
}

/* Reads a Uint8Array (or Buffer) argument: its data pointer already includes the view's byte offset. */
static int get_bytes(napi_env env, napi_value value, unsigned char **data, size_t *length) {
  bool is_typed = false;
  if (napi_is_typedarray(env, value, &is_typed) != napi_ok || !is_typed) return 0;
  napi_typedarray_type type;
  void *raw = NULL;
  if (napi_get_typedarray_info(env, value, &type, length, &raw, NULL, NULL) != napi_ok) return 0;
  if (type != napi_uint8_array) return 0;
  *data = raw;
  return 1;
}

/* fill(target: Uint8Array, key: Uint8Array(16), counter: Uint8Array(16), skip: 0..15): void
 * Writes the keystream that starts `skip` bytes into the block whose counter is `counter` into all of target. */
static napi_value fill(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 4) {
    return throw_type(env, "fill(target, key, counter, skip) takes 4 arguments");
  }
  unsigned char *target, *key, *counter;
  size_t target_length, key_length, counter_length;
  uint32_t skip;
  if (!get_bytes(env, argv[0], &target, &target_length)) return throw_type(env, "target must be a Uint8Array");
  if (!get_bytes(env, argv[1], &key, &key_length) || key_length != 16) {
    return throw_type(env, "key must be a 16-byte Uint8Array");
  }
  if (!get_bytes(env, argv[2], &counter, &counter_length) || counter_length != 16) {
    return throw_type(env, "counter must be a 16-byte Uint8Array");
  }
  if (napi_get_value_uint32(env, argv[3], &skip) != napi_ok || skip > 15) {
    return throw_type(env, "skip must be an integer from 0 to 15");
  }

  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
  int ok = ctx != NULL && EVP_EncryptInit_ex(ctx, EVP_aes_128_ctr(), NULL, key, counter) == 1;
  int produced = 0;
  if (ok && skip > 0) {
    /* An offset inside a block: run the stream past the leading bytes (CTR keeps its position across updates). */
    unsigned char scratch[16];
    ok = EVP_EncryptUpdate(ctx, scratch, &produced, zeros, (int)skip) == 1;
  }
  for (size_t done = 0; ok && done < target_length; done += (size_t)produced) {
    size_t left = target_length - done;
    int length = left < ZERO_BYTES ? (int)left : ZERO_BYTES;
    ok = EVP_EncryptUpdate(ctx, target + done, &produced, zeros, length) == 1 && produced == length;
  }
  EVP_CIPHER_CTX_free(ctx);
  if (!ok) napi_throw_error(env, "GOMME_AES_CTR_OPENSSL", "OpenSSL AES-128-CTR failed");
  return NULL;
}

/* The OpenSSL that actually runs (Node's own, or the system's when Node links it), for the benchmark report. */
static napi_value openssl_version(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value result = NULL;
  napi_create_string_utf8(env, OpenSSL_version(OPENSSL_VERSION), NAPI_AUTO_LENGTH, &result);
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor properties[] = {
      {"fill", NULL, fill, NULL, NULL, NULL, napi_enumerable, NULL},
      {"opensslVersion", NULL, openssl_version, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
