/* The no-op qmail-remote.orig of make bench's remote figures: reads the message (fd 0) to
 * end of file, then reports every recipient (argv[3]...) accepted and the message accepted,
 * in qmail-remote(8)'s format, without connecting anywhere. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
  char buffer[1 << 16];
  for (;;) {
    ssize_t got = read(0, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return 111;
    if (got == 0) break;
  }
  for (int i = 3; i < argc; ++i) printf("r%s accepted%c", argv[i], 0);
  printf("Kaccepted by the benchmark%c", 0);
  return fflush(stdout) == 0 ? 0 : 111;
}
