/* A queue program for toaster-dk-queue's tests that follows qmail-queue(8) to the letter:
 * it reads the message from fd 0 to end of file, only then the envelope from fd 1, checks
 * the envelope is F<sender>\0 (T<recipient>\0)+ \0 and nothing more, and stores both.
 *
 * FAKEQ_DIR    where msg.<pid> and env.<pid> (and cwd.<pid>) go, renamed into place on success
 * FAKEQ_EXIT   the exit status to end with (default 0); messages are stored only for 0
 * FAKEQ_KILL   a signal number to kill itself with after reading everything
 * Exit 91 for a bad envelope, 54 for a read error, 53 for a write error, as qmail-queue. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *slurp(int fd, size_t *length, FILE *copy) {
  size_t size = 0, capacity = 1 << 16;
  char *data = copy ? NULL : malloc(capacity);
  char buffer[1 << 16];
  for (;;) {
    ssize_t got = read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) _exit(54);
    if (got == 0) break;
    if (copy) {
      if (fwrite(buffer, 1, (size_t)got, copy) != (size_t)got) _exit(53);
    } else {
      while (size + (size_t)got > capacity) data = realloc(data, capacity *= 2);
      if (!data) _exit(51);
      memcpy(data + size, buffer, (size_t)got);
    }
    size += (size_t)got;
  }
  *length = size;
  return data;
}

static int valid_envelope(const char *data, size_t length) {
  size_t at = 0;
  int entries = 0;
  for (;;) {
    if (at >= length) return 0;
    if (entries > 0 && data[at] == '\0') return at + 1 == length && entries > 1;
    if (data[at] != (entries == 0 ? 'F' : 'T')) return 0;
    const char *end = memchr(data + at, '\0', length - at);
    if (!end || end - (data + at) > 1003) return 0;
    at = (size_t)(end - data) + 1;
    entries++;
  }
}

int main(void) {
  const char *dir = getenv("FAKEQ_DIR");
  if (!dir) dir = ".";
  char temporary[4096], final[4096], cwd[4096];
  pid_t pid = getpid();
  snprintf(temporary, sizeof temporary, "%s/tmp.msg.%d", dir, (int)pid);
  FILE *message = fopen(temporary, "w");
  if (!message) _exit(53);
  size_t messageLength = 0, envelopeLength = 0;
  slurp(0, &messageLength, message);
  if (fclose(message) != 0) _exit(53);
  char *envelope = slurp(1, &envelopeLength, NULL);
  if (!valid_envelope(envelope, envelopeLength)) { unlink(temporary); _exit(91); }
  const char *kill = getenv("FAKEQ_KILL");
  if (kill) { unlink(temporary); raise(atoi(kill)); }
  int status = getenv("FAKEQ_EXIT") ? atoi(getenv("FAKEQ_EXIT")) : 0;
  if (status != 0) { unlink(temporary); return status; }
  snprintf(final, sizeof final, "%s/env.%d", dir, (int)pid);
  FILE *copy = fopen(final, "w");
  if (!copy || fwrite(envelope, 1, envelopeLength, copy) != envelopeLength || fclose(copy)) _exit(53);
  snprintf(final, sizeof final, "%s/cwd.%d", dir, (int)pid);
  copy = fopen(final, "w");
  if (!copy || !getcwd(cwd, sizeof cwd) || fputs(cwd, copy) < 0 || fclose(copy)) _exit(53);
  snprintf(final, sizeof final, "%s/msg.%d", dir, (int)pid);
  if (rename(temporary, final) != 0) _exit(53);
  return 0;
}
