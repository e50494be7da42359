#ifndef COBUY_NCURSES_SHIM_H
#define COBUY_NCURSES_SHIM_H

// SwiftPM drops pkg-config's -D flags, so the wide-character API (cchar_t, get_wch,
// addnwstr) must be switched on here, before the first system header.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <curses.h>

// Glibc's Swift module does not export these (they sit behind _XOPEN_SOURCE).
int wcwidth(wchar_t c);
int wcswidth(const wchar_t *s, size_t n);

// MARK: Macros Swift cannot import, as functions.

static inline attr_t cobuy_a_normal(void) { return A_NORMAL; }
static inline attr_t cobuy_a_bold(void) { return A_BOLD; }
static inline attr_t cobuy_a_reverse(void) { return A_REVERSE; }
static inline attr_t cobuy_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cobuy_a_dim(void) { return A_DIM; }
static inline attr_t cobuy_a_standout(void) { return A_STANDOUT; }
static inline int cobuy_key_f(int n) { return KEY_F(n); }

/// The window newterm/initscr made; Swift 6 rejects reading the `stdscr` global.
static inline WINDOW *cobuy_stdscr(void) { return stdscr; }
static inline FILE *cobuy_stdin(void) { return stdin; }
static inline FILE *cobuy_stdout(void) { return stdout; }
static inline FILE *cobuy_stderr(void) { return stderr; }
static inline int cobuy_rows(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)x; return y; }
static inline int cobuy_cols(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)y; return x; }
static inline int cobuy_color_pairs(void) { return COLOR_PAIRS; }
static inline int cobuy_colors(void) { return COLORS; }

/// Whether the current LC_CTYPE encodes text as UTF-8.
static inline int cobuy_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// MARK: Mouse buttons (bit positions depend on NCURSES_MOUSE_VERSION).

static inline mmask_t cobuy_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cobuy_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cobuy_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cobuy_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t cobuy_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t cobuy_button2_clicked(void) { return BUTTON2_CLICKED; }
static inline mmask_t cobuy_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t cobuy_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t cobuy_button4_pressed(void) { return BUTTON4_PRESSED; }
#if NCURSES_MOUSE_VERSION > 1
static inline mmask_t cobuy_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t cobuy_button5_pressed(void) { return 0; }
#endif

// MARK: Signals.
//
// The handlers and their state are C so that the flags are `volatile sig_atomic_t` and the
// handlers call nothing but endwin, sigaction and raise. `static` storage in a header exists
// once per object file that uses it: only CobuyTerminal's TerminalSignals.swift may call these.

static volatile sig_atomic_t cobuy_pending_signal = 0;
static volatile sig_atomic_t cobuy_continued = 0;
static volatile sig_atomic_t cobuy_curses_active = 0;

/// The actions the handlers replaced, by signal number (function-local so that it is emitted
/// with the functions that use it).
static inline struct sigaction *cobuy_previous_action(int signo) {
    static struct sigaction actions[65];
    return &actions[signo > 0 && signo < 65 ? signo : 0];
}

/// Leaves curses mode if it is on; safe to call twice and from a signal handler.
static inline void cobuy_leave_curses(void) {
    if (cobuy_curses_active) {
        cobuy_curses_active = 0;
        endwin();
    }
}

static inline void cobuy_set_curses_active(int active) { cobuy_curses_active = active ? 1 : 0; }

/// SIGINT, SIGTERM, SIGHUP: the app is told and shuts down cleanly. Asked a second time
/// before it has, the terminal is restored and the signal's default action (exit) taken.
static inline void cobuy_on_interrupt(int signo) {
    if (cobuy_pending_signal != 0) {
        cobuy_leave_curses();
        signal(signo, SIG_DFL);
        raise(signo);
        return;
    }
    cobuy_pending_signal = signo;
}

/// SIGCONT: back from Ctrl-Z; the next frame is drawn whole.
static inline void cobuy_on_continue(int signo) {
    (void)signo;
    cobuy_continued = 1;
}

/// Crashes (and SIGQUIT): restore the terminal, then hand the signal to whoever had it before
/// (the Swift runtime's backtracer, or the default action). A fault re-executes the faulting
/// instruction when the handler returns; a signal that was sent is raised again.
static inline void cobuy_on_fatal(int signo, siginfo_t *info, void *context) {
    (void)context;
    cobuy_leave_curses();
    if (signo > 0 && signo < 65) {
        sigaction(signo, cobuy_previous_action(signo), NULL);
    } else {
        signal(signo, SIG_DFL);
    }
    if (info == NULL || info->si_code <= 0) {
        raise(signo);
    }
}

static inline void cobuy_at_exit(void) { cobuy_leave_curses(); }

enum { COBUY_CATCH_INTERRUPT = 0, COBUY_CATCH_FATAL = 1, COBUY_CATCH_CONTINUE = 2 };

/// Installs one of the handlers above for `signo`, keeping the previous action to restore.
static inline int cobuy_catch_signal(int signo, int kind) {
    if (signo <= 0 || signo >= 65) return -1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    switch (kind) {
    case COBUY_CATCH_FATAL:
        action.sa_sigaction = cobuy_on_fatal;
        action.sa_flags = SA_SIGINFO;
        break;
    case COBUY_CATCH_CONTINUE:
        action.sa_handler = cobuy_on_continue;
        action.sa_flags = SA_RESTART;
        break;
    default:
        // No SA_RESTART: a blocking read returns so that the event loop sees the signal.
        action.sa_handler = cobuy_on_interrupt;
        break;
    }
    return sigaction(signo, &action, cobuy_previous_action(signo));
}

/// Puts back the action that `cobuy_catch_signal` replaced.
static inline int cobuy_release_signal(int signo) {
    if (signo <= 0 || signo >= 65) return -1;
    return sigaction(signo, cobuy_previous_action(signo), NULL);
}

static inline int cobuy_take_pending_signal(void) {
    int signo = cobuy_pending_signal;
    cobuy_pending_signal = 0;
    return signo;
}

static inline int cobuy_take_continued(void) {
    int continued = cobuy_continued;
    cobuy_continued = 0;
    return continued;
}

/// Registers the `atexit` hook that leaves curses mode; once per process.
static inline int cobuy_register_at_exit(void) {
    static int registered = 0;
    if (registered) return 0;
    registered = 1;
    return atexit(cobuy_at_exit);
}

/// Whether SIGTSTP is ignored (a shell without job control): then there is nobody to `fg` us.
static inline int cobuy_stop_is_ignored(void) {
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) != 0) return 1;
    return current.sa_handler == SIG_IGN;
}

#endif
