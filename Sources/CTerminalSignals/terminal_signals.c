#include "terminal_signals.h"

#include <curses.h>
#include <term.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// One copy of everything the handlers touch. Flags are `volatile sig_atomic_t`; the handlers
// call only async-signal-safe functions (write, tcsetattr, sigaction, raise, alarm, _exit).

static volatile sig_atomic_t pending_signal = 0;
/// The first interrupting signal, kept after the event loop has taken `pending_signal`.
static volatile sig_atomic_t interrupted_by = 0;
static volatile sig_atomic_t continued = 0;
static volatile sig_atomic_t curses_active = 0;
static struct sigaction previous_actions[65];

static struct termios saved_modes;
static volatile sig_atomic_t have_saved_modes = 0;
static int terminal_input_fd = -1;
static int terminal_output_fd = -1;
static char leave_sequence[512];
static volatile sig_atomic_t leave_length = 0;

enum { GRACE_SECONDS = 2 };

int cobuy_interrupt_grace_seconds(void) { return GRACE_SECONDS; }

static void append_sequence(const char *text) {
    if (text == NULL || text == (const char *)-1) return;
    size_t length = strlen(text);
    size_t used = (size_t)leave_length;
    if (used + length >= sizeof leave_sequence) return;
    memcpy(leave_sequence + used, text, length);
    leave_length = (sig_atomic_t)(used + length);
}

void cobuy_save_terminal(int input_fd, int output_fd) {
    terminal_input_fd = input_fd;
    terminal_output_fd = output_fd;
    have_saved_modes = tcgetattr(input_fd, &saved_modes) == 0;
    leave_length = 0;
    // Mouse reporting off in every mode ncurses may have turned on (X10, button, any motion,
    // SGR, urxvt), whatever terminfo says; then the terminfo sequences are added after newterm.
    append_sequence("\033[?1000l\033[?1002l\033[?1003l\033[?1005l\033[?1006l\033[?1015l");
}

void cobuy_prepare_terminal_sequences(void) {
    // tigetstr returns (char *)-1 for a capability that is not a string, NULL when absent.
    append_sequence(tigetstr("sgr0"));
    append_sequence(tigetstr("cnorm"));
    append_sequence(tigetstr("rmkx"));
    append_sequence(tigetstr("rmcup"));
}

void cobuy_restore_terminal_now(void) {
    if (terminal_output_fd >= 0 && leave_length > 0) {
        ssize_t ignored = write(terminal_output_fd, leave_sequence, (size_t)leave_length);
        (void)ignored;
    }
    if (have_saved_modes && terminal_input_fd >= 0) tcsetattr(terminal_input_fd, TCSANOW, &saved_modes);
}

void cobuy_set_curses_active(int active) { curses_active = active ? 1 : 0; }

void cobuy_leave_curses(void) {
    if (curses_active) {
        curses_active = 0;
        endwin();
    }
}

/// The app did not shut down within the grace: give the terminal back from here and exit.
static void on_grace_expired(int signo) {
    (void)signo;
    // Already given back: the app is finishing by itself.
    if (!curses_active) return;
    curses_active = 0;
    cobuy_restore_terminal_now();
    _exit(128 + (interrupted_by != 0 ? interrupted_by : SIGTERM));
}

void cobuy_cancel_interrupt_grace(void) { alarm(0); }

/// SIGINT, SIGTERM, SIGHUP: the event loop sees the flag within a fraction of a second and
/// the app shuts down cleanly (curses' own `endwin`). If it has not within the grace (busy in
/// a long step), or a second signal comes, the terminal is restored here and the process ends.
static void on_interrupt(int signo) {
    if (interrupted_by != 0) {
        if (curses_active) {
            curses_active = 0;
            cobuy_restore_terminal_now();
        }
        signal(signo, SIG_DFL);
        raise(signo);
        return;
    }
    interrupted_by = signo;
    pending_signal = signo;
    signal(SIGALRM, on_grace_expired);
    alarm(GRACE_SECONDS);
}

static void on_continue(int signo) {
    (void)signo;
    continued = 1;
}

/// Crashes (and SIGQUIT): restore the terminal, then hand the signal to whoever had it before
/// (the Swift runtime's backtracer, or the default action). A fault re-executes the faulting
/// instruction when the handler returns; a signal that was sent is raised again.
static void on_fatal(int signo, siginfo_t *info, void *context) {
    (void)context;
    if (curses_active) {
        curses_active = 0;
        cobuy_restore_terminal_now();
    }
    if (signo > 0 && signo < 65) {
        sigaction(signo, &previous_actions[signo], NULL);
    } else {
        signal(signo, SIG_DFL);
    }
    if (info == NULL || info->si_code <= 0) raise(signo);
}

int cobuy_catch_signal(int signo, int kind) {
    if (signo <= 0 || signo >= 65) return -1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    switch (kind) {
    case COBUY_CATCH_FATAL:
        action.sa_sigaction = on_fatal;
        action.sa_flags = SA_SIGINFO;
        break;
    case COBUY_CATCH_CONTINUE:
        action.sa_handler = on_continue;
        action.sa_flags = SA_RESTART;
        break;
    default:
        // No SA_RESTART: a blocking read returns so that the event loop sees the signal.
        action.sa_handler = on_interrupt;
        break;
    }
    return sigaction(signo, &action, &previous_actions[signo]);
}

int cobuy_release_signal(int signo) {
    if (signo <= 0 || signo >= 65) return -1;
    return sigaction(signo, &previous_actions[signo], NULL);
}

int cobuy_take_pending_signal(void) {
    int signo = pending_signal;
    pending_signal = 0;
    return signo;
}

int cobuy_take_continued(void) {
    int value = continued;
    continued = 0;
    return value;
}

static void at_exit(void) { cobuy_leave_curses(); }

int cobuy_register_at_exit(void) {
    static int registered = 0;
    if (registered) return 0;
    registered = 1;
    return atexit(at_exit);
}

int cobuy_stop_is_ignored(void) {
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) != 0) return 1;
    return current.sa_handler == SIG_IGN;
}
