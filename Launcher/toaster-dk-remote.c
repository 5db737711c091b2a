// toaster-dk-remote: what qmail-rspawn runs in place of qmail-remote. It runs the signer
// (toaster-dk-remote-signer, beside this program) and guarantees qmail-rspawn's contract
// whatever the signer does: exit 0 with reports, or 111, nothing else (any other exit
// bounces the message for good). Plain C on libc alone, so a missing shared library, a
// crash or a kill of the signer still ends in a temporary deferral.
//
// The signer's fd 2 is a pipe to this program, not qmail-rspawn's report pipe, so a
// loader error or a crash message can never corrupt the report stream. The signer writes
// its log lines there, then one NUL just before it execs qmail-remote.orig. Log lines go
// to syslog (mail), and to fd 2 too when fd 2 is not the report pipe (a manual run).
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <syslog.h>
#include <unistd.h>

enum { captureLimit = 4096, reasonLimit = 160 };

static int same_file(int a, int b) {
  struct stat sa, sb;
  if (fstat(a, &sa) != 0 || fstat(b, &sb) != 0) return 0;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void write_all(int fd, const char *text, size_t length) {
  while (length > 0) {
    ssize_t written = write(fd, text, length);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;
    text += written;
    length -= (size_t)written;
  }
}

// One message report and exit 0; if even that cannot be written, 111 (qmail-rspawn then
// says "Unable to run qmail-remote", also temporary).
static void defer(const char *reason, const char *detail) {
  char report[512];
  int length = snprintf(
      report, sizeof report, "Ztoaster-dk-remote: %s%s%.*s (#4.3.0)", reason,
      detail[0] ? ": " : "", reasonLimit, detail);
  if (length < 0) _exit(111);
  if ((size_t)length >= sizeof report) length = sizeof report - 1;
  for (int i = 1; i < length; ++i)
    if (report[i] == '\n' || report[i] == '\r' || report[i] == '\0') report[i] = ' ';
  syslog(LOG_MAIL | LOG_WARNING, "%s", report + 1);
  ssize_t written;
  do written = write(1, report, (size_t)length + 1);
  while (written < 0 && errno == EINTR);
  _exit(written == length + 1 ? 0 : 111);
}

static void log_lines(const char *text, size_t length, int to_stderr) {
  const char *end = text + length;
  while (text < end) {
    const char *newline = memchr(text, '\n', (size_t)(end - text));
    size_t line = newline ? (size_t)(newline - text) : (size_t)(end - text);
    if (line > 0) syslog(LOG_MAIL | LOG_INFO, "%.*s", (int)line, text);
    text += line + (newline ? 1 : 0);
  }
  if (to_stderr) write_all(2, end - length, length);
}

static int signer_path(char *self, char *path, size_t size) {
  ssize_t length = readlink("/proc/self/exe", path, size - 1);
  if (length <= 0) return -1;
  path[length] = '\0';
  memcpy(self, path, (size_t)length + 1);
  char *slash = strrchr(path, '/');
  const char *name = "/toaster-dk-remote-signer";
  if (!slash || (size_t)(slash - path) + strlen(name) + 1 > size) return -1;
  strcpy(slash, name);
  return 0;
}

int main(int argc, char **argv) {
  (void)argc;
  openlog("toaster-dk-remote", LOG_PID, LOG_MAIL);
  signal(SIGPIPE, SIG_IGN);
  // The signer exports this; finding it set means qmail-remote.orig led back here. Without
  // the check, each round would start one more process, without end.
  if (getenv("TOASTER_DK_REMOTE_LAUNCHER"))
    defer("qmail-remote.orig runs toaster-dk-remote again (a loop)", "");
  char self[PATH_MAX], signer[PATH_MAX];
  if (signer_path(self, signer, sizeof signer) != 0)
    defer("unable to find the signer", strerror(errno));
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0) defer("unable to create a pipe", strerror(errno));
  pid_t pid = fork();
  if (pid < 0) defer("unable to start the signer", strerror(errno));
  if (pid == 0) {
    close(pipe_ends[0]);
    if (dup2(pipe_ends[1], 2) < 0) _exit(127);
    if (pipe_ends[1] != 2) close(pipe_ends[1]);
    signal(SIGPIPE, SIG_DFL);
    if (setenv("TOASTER_DK_REMOTE_LAUNCHER", self, 1) != 0) _exit(127);
    execv(signer, argv);
    static const char failed[] = "unable to run the signer\n";
    write_all(2, failed, sizeof failed - 1);
    _exit(127);
  }
  close(pipe_ends[1]);
  char captured[captureLimit + 1];
  size_t kept = 0;
  for (;;) {
    char chunk[1024];
    ssize_t count = read(pipe_ends[0], chunk, sizeof chunk);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) break;
    size_t room = captureLimit - kept;
    size_t take = (size_t)count < room ? (size_t)count : room;
    memcpy(captured + kept, chunk, take);
    kept += take;
  }
  close(pipe_ends[0]);
  captured[kept] = '\0';
  char *handover = memchr(captured, '\0', kept);
  size_t logged = handover ? (size_t)(handover - captured) : kept;
  log_lines(captured, logged, !same_file(1, 2));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) defer("unable to wait for the signer", strerror(errno));
  }
  if (WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 111))
    _exit(WEXITSTATUS(status));
  // qmail-remote.orig itself ended otherwise: it may have written part of its reports,
  // which 111 makes qmail-rspawn ignore.
  if (handover) _exit(111);
  char reason[64];
  if (WIFSIGNALED(status))
    snprintf(reason, sizeof reason, "the signer was killed by signal %d", WTERMSIG(status));
  else
    snprintf(reason, sizeof reason, "the signer exited %d", WEXITSTATUS(status));
  // The first line the signer left (a loader error names the missing library).
  char *newline = memchr(captured, '\n', logged);
  if (newline) *newline = '\0';
  defer(reason, captured);
}
