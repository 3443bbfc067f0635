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
#include <stdlib.h>
#include <string.h>

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

/* Writes into target[0..length) the keystream that starts `skip` bytes into the block whose counter is `counter`.
 * Touches no JavaScript value, so it can run on a libuv pool thread. Returns 1 on success. */
static int keystream(unsigned char *target, size_t length, const unsigned char *key, const unsigned char *counter,
                     uint32_t skip) {
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
  int ok = ctx != NULL && EVP_EncryptInit_ex(ctx, EVP_aes_128_ctr(), NULL, key, counter) == 1;
  int produced = 0;
  if (ok && skip > 0) {
    /* An offset inside a block: run the stream past the leading bytes (CTR keeps its position across updates). */
    unsigned char scratch[16];
    ok = EVP_EncryptUpdate(ctx, scratch, &produced, zeros, (int)skip) == 1;
  }
  for (size_t done = 0; ok && done < length; done += (size_t)produced) {
    size_t left = length - done;
    int chunk = left < ZERO_BYTES ? (int)left : ZERO_BYTES;
    ok = EVP_EncryptUpdate(ctx, target + done, &produced, zeros, chunk) == 1 && produced == chunk;
  }
  EVP_CIPHER_CTX_free(ctx);
  return ok;
}

typedef struct {
  unsigned char *target;
  size_t length;
  unsigned char key[16];
  unsigned char counter[16];
  uint32_t skip;
} fill_args;

/* Reads and checks (target, key, counter, skip); on failure a TypeError is pending and 0 is returned. */
static int read_args(napi_env env, napi_value *argv, fill_args *args, napi_value *target_value) {
  unsigned char *key, *counter;
  size_t key_length, counter_length;
  if (!get_bytes(env, argv[0], &args->target, &args->length)) {
    throw_type(env, "target must be a Uint8Array");
    return 0;
  }
  if (!get_bytes(env, argv[1], &key, &key_length) || key_length != 16) {
    throw_type(env, "key must be a 16-byte Uint8Array");
    return 0;
  }
  if (!get_bytes(env, argv[2], &counter, &counter_length) || counter_length != 16) {
    throw_type(env, "counter must be a 16-byte Uint8Array");
    return 0;
  }
  if (napi_get_value_uint32(env, argv[3], &args->skip) != napi_ok || args->skip > 15) {
    throw_type(env, "skip must be an integer from 0 to 15");
    return 0;
  }
  memcpy(args->key, key, 16);
  memcpy(args->counter, counter, 16);
  *target_value = argv[0];
  return 1;
}

/* fill(target: Uint8Array, key: Uint8Array(16), counter: Uint8Array(16), skip: 0..15): void
 * Writes the keystream that starts `skip` bytes into the block whose counter is `counter` into all of target. */
static napi_value fill(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4], target_value;
  fill_args args;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 4) {
    return throw_type(env, "fill(target, key, counter, skip) takes 4 arguments");
  }
  if (!read_args(env, argv, &args, &target_value)) return NULL;
  if (!keystream(args.target, args.length, args.key, args.counter, args.skip)) {
    napi_throw_error(env, "GOMME_AES_CTR_OPENSSL", "OpenSSL AES-128-CTR failed");
  }
  return NULL;
}

/* The same work on a libuv pool thread, so the engine's main thread stays free to hand finished chunks to the
 * drive while the next one is generated. The target stays referenced until the work is done. */
typedef struct {
  fill_args args;
  int ok;
  napi_ref target;
  napi_deferred deferred;
  napi_async_work work;
} fill_job;

static void fill_execute(napi_env env, void *data) {
  (void)env;
  fill_job *job = data;
  job->ok = keystream(job->args.target, job->args.length, job->args.key, job->args.counter, job->args.skip);
}

static void fill_complete(napi_env env, napi_status status, void *data) {
  fill_job *job = data;
  napi_value value = NULL;
  napi_delete_reference(env, job->target);
  if (status == napi_ok && job->ok) {
    napi_get_undefined(env, &value);
    napi_resolve_deferred(env, job->deferred, value);
  } else {
    napi_value code = NULL, message = NULL;
    napi_create_string_utf8(env, "GOMME_AES_CTR_OPENSSL", NAPI_AUTO_LENGTH, &code);
    napi_create_string_utf8(env, "OpenSSL AES-128-CTR failed", NAPI_AUTO_LENGTH, &message);
    napi_create_error(env, code, message, &value);
    napi_reject_deferred(env, job->deferred, value);
  }
  napi_delete_async_work(env, job->work);
  free(job);
}

/* fillAsync(target, key, counter, skip): Promise<void>. The caller must not touch target until it settles. */
static napi_value fill_async(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4], target_value, promise = NULL, name = NULL;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 4) {
    return throw_type(env, "fillAsync(target, key, counter, skip) takes 4 arguments");
  }
  fill_job *job = calloc(1, sizeof *job);
  if (job == NULL) {
    napi_throw_error(env, "GOMME_AES_CTR_MEMORY", "out of memory");
    return NULL;
  }
  if (!read_args(env, argv, &job->args, &target_value)) {
    free(job);
    return NULL;
  }
  napi_create_string_utf8(env, "gomme.aesCtrFill", NAPI_AUTO_LENGTH, &name);
  if (napi_create_reference(env, target_value, 1, &job->target) != napi_ok ||
      napi_create_promise(env, &job->deferred, &promise) != napi_ok ||
      napi_create_async_work(env, NULL, name, fill_execute, fill_complete, job, &job->work) != napi_ok ||
      napi_queue_async_work(env, job->work) != napi_ok) {
    napi_throw_error(env, "GOMME_AES_CTR_QUEUE", "could not queue the keystream work");
    return NULL; /* a half-built job leaks a few bytes once, on a failure that does not happen in practice */
  }
  return promise;
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
      {"fillAsync", NULL, fill_async, NULL, NULL, NULL, napi_enumerable, NULL},
      {"opensslVersion", NULL, openssl_version, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
