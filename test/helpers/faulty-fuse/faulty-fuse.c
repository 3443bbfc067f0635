/*
 * faulty-fuse: a FUSE3 file system with ONE file, /disk.img, backed by a real file, that fails with EIO any
 * read or write touching configured byte ranges. A loop device over /disk.img is a "drive with bad sectors"
 * for tests: device-mapper's error target is not available on the team's machines.
 *
 *   faulty-fuse --backing FILE [--read-fault START:END]... [--write-fault START:END]... -- MOUNTPOINT -f -s
 *
 * Ranges are half-open byte ranges [START, END). Everything after "--" goes to fuse_main.
 * SIGUSR1 clears every fault (a drive whose bad sector was remapped), for retry tests.
 * Each refused request is logged on stderr as "EIO read|write OFFSET LENGTH".
 */
#define FUSE_USE_VERSION 31
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <fuse.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FAULTS 64
#define FILE_NAME "disk.img"

struct range {
  uint64_t start, end;
};

static int backing_fd = -1;
static struct range read_faults[MAX_FAULTS], write_faults[MAX_FAULTS];
static int read_fault_count, write_fault_count;
static volatile sig_atomic_t faults_cleared;

static int overlaps(const struct range *faults, int count, off_t offset, size_t size) {
  if (faults_cleared) return 0;
  uint64_t start = (uint64_t)offset, end = start + size;
  for (int i = 0; i < count; i++)
    if (start < faults[i].end && faults[i].start < end) return 1;
  return 0;
}

static int is_file(const char *path) { return strcmp(path, "/" FILE_NAME) == 0; }

static int fs_getattr(const char *path, struct stat *st, struct fuse_file_info *fi) {
  (void)fi;
  memset(st, 0, sizeof *st);
  if (strcmp(path, "/") == 0) {
    st->st_mode = S_IFDIR | 0755;
    st->st_nlink = 2;
    return 0;
  }
  if (!is_file(path)) return -ENOENT;
  struct stat backing;
  if (fstat(backing_fd, &backing) != 0) return -errno;
  st->st_mode = S_IFREG | 0600;
  st->st_nlink = 1;
  st->st_size = backing.st_size;
  st->st_blocks = backing.st_blocks;
  return 0;
}

static int fs_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t offset, struct fuse_file_info *fi,
                      enum fuse_readdir_flags flags) {
  (void)offset, (void)fi, (void)flags;
  if (strcmp(path, "/") != 0) return -ENOENT;
  fill(buf, ".", NULL, 0, 0);
  fill(buf, "..", NULL, 0, 0);
  fill(buf, FILE_NAME, NULL, 0, 0);
  return 0;
}

static int fs_open(const char *path, struct fuse_file_info *fi) {
  if (!is_file(path)) return -ENOENT;
  /* No kernel page cache for this file: every read and write reaches us, so a fault is never hidden by a
   * cached page or deferred to writeback. */
  fi->direct_io = 1;
  fi->keep_cache = 0;
  return 0;
}

static int fs_read(const char *path, char *buf, size_t size, off_t offset, struct fuse_file_info *fi) {
  (void)path, (void)fi;
  if (overlaps(read_faults, read_fault_count, offset, size)) {
    fprintf(stderr, "EIO read %jd %zu\n", (intmax_t)offset, size);
    return -EIO;
  }
  ssize_t n = pread(backing_fd, buf, size, offset);
  return n < 0 ? -errno : (int)n;
}

static int fs_write(const char *path, const char *buf, size_t size, off_t offset, struct fuse_file_info *fi) {
  (void)path, (void)fi;
  if (overlaps(write_faults, write_fault_count, offset, size)) {
    fprintf(stderr, "EIO write %jd %zu\n", (intmax_t)offset, size);
    return -EIO;
  }
  ssize_t n = pwrite(backing_fd, buf, size, offset);
  return n < 0 ? -errno : (int)n;
}

static int fs_fsync(const char *path, int datasync, struct fuse_file_info *fi) {
  (void)path, (void)fi;
  return (datasync ? fdatasync(backing_fd) : fsync(backing_fd)) != 0 ? -errno : 0;
}

static int fs_truncate(const char *path, off_t size, struct fuse_file_info *fi) {
  (void)fi;
  if (!is_file(path)) return -ENOENT;
  return ftruncate(backing_fd, size) != 0 ? -errno : 0;
}

static const struct fuse_operations operations = {
    .getattr = fs_getattr,
    .readdir = fs_readdir,
    .open = fs_open,
    .read = fs_read,
    .write = fs_write,
    .fsync = fs_fsync,
    .truncate = fs_truncate,
};

static void clear_faults(int signal) {
  (void)signal;
  faults_cleared = 1;
}

static void usage(const char *message) {
  fprintf(stderr,
          "faulty-fuse: %s\nusage: faulty-fuse --backing FILE [--read-fault START:END]... "
          "[--write-fault START:END]... -- MOUNTPOINT [fuse options]\n",
          message);
  exit(2);
}

static void add_range(struct range *faults, int *count, const char *spec) {
  char *colon;
  uint64_t start = strtoull(spec, &colon, 10);
  if (*colon != ':' || *count >= MAX_FAULTS) usage("bad fault range (START:END) or too many ranges");
  char *rest;
  uint64_t end = strtoull(colon + 1, &rest, 10);
  if (*rest != '\0' || end <= start) usage("bad fault range (START:END, END > START)");
  faults[*count].start = start;
  faults[*count].end = end;
  (*count)++;
}

int main(int argc, char *argv[]) {
  const char *backing = NULL;
  int i = 1;
  for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
    if (i + 1 >= argc) usage("missing option value");
    if (strcmp(argv[i], "--backing") == 0) backing = argv[++i];
    else if (strcmp(argv[i], "--read-fault") == 0) add_range(read_faults, &read_fault_count, argv[++i]);
    else if (strcmp(argv[i], "--write-fault") == 0) add_range(write_faults, &write_fault_count, argv[++i]);
    else usage("unknown option");
  }
  if (backing == NULL || i >= argc) usage("--backing and -- MOUNTPOINT are required");

  backing_fd = open(backing, O_RDWR);
  if (backing_fd < 0) {
    perror(backing);
    return 1;
  }
  signal(SIGUSR1, clear_faults);
  setvbuf(stderr, NULL, _IOLBF, 0);

  /* fuse_main sees argv[0] followed by everything after "--". */
  argv[i] = argv[0];
  return fuse_main(argc - i, argv + i, &operations, NULL);
}
