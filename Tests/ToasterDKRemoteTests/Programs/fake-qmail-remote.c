/* A qmail-remote for toaster-dk-remote's tests: records what it was given and prints the
 * report sequence qmail-remote(8) describes.
 *
 * FAKER_DIR    where argv.<pid> (each argument + NUL), msg.<pid> (fd 0 read to end of file)
 *              and fds.<pid> go
 * FAKER_KILL   a signal number to kill itself with after reading the message
 * FAKER_EXIT   an exit status to end with instead of 0
 * fds.<pid> says whether fd 0 was a regular file at offset 0 and fd 2 the same file as fd 1.
 * Reports: r<recipient> accepted + NUL for each recipient, then K + NUL. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static FILE *open_record(const char *dir, const char *kind) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s.%ld", dir, kind, (long)getpid());
  FILE *file = fopen(path, "w");
  if (!file) _exit(111);
  return file;
}

int main(int argc, char **argv) {
  const char *dir = getenv("FAKER_DIR");
  if (!dir) _exit(111);
  struct stat in, out, err;
  int regular = fstat(0, &in) == 0 && S_ISREG(in.st_mode) && lseek(0, 0, SEEK_CUR) == 0;
  int shared = fstat(1, &out) == 0 && fstat(2, &err) == 0 && out.st_dev == err.st_dev &&
               out.st_ino == err.st_ino;
  FILE *fds = open_record(dir, "fds");
  fprintf(fds, "fd0 %s\nfd2 %s\n", regular ? "regular" : "other", shared ? "fd1" : "other");
  fclose(fds);
  FILE *args = open_record(dir, "argv");
  for (int i = 0; i < argc; ++i) fwrite(argv[i], 1, strlen(argv[i]) + 1, args);
  fclose(args);
  FILE *message = open_record(dir, "msg");
  char buffer[1 << 16];
  for (;;) {
    ssize_t got = read(0, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) _exit(111);
    if (got == 0) break;
    if (fwrite(buffer, 1, (size_t)got, message) != (size_t)got) _exit(111);
  }
  fclose(message);
  if (getenv("FAKER_KILL")) raise(atoi(getenv("FAKER_KILL")));
  for (int i = 3; i < argc; ++i) printf("r%s accepted%c", argv[i], 0);
  printf("Kmessage accepted%c", 0);
  fflush(stdout);
  return getenv("FAKER_EXIT") ? atoi(getenv("FAKER_EXIT")) : 0;
}
