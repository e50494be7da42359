#ifndef COBUY_TERMINAL_SIGNALS_H
#define COBUY_TERMINAL_SIGNALS_H

// The terminal's signal handlers and their state, defined once in terminal_signals.c.
//
// They were `static` in the CNcurses shim header before: every object file that used them got
// its own copy of the flags, and a release build that inlined the event loop into another
// module read a copy the handler never wrote (the first SIGTERM was lost).

enum { COBUY_CATCH_INTERRUPT = 0, COBUY_CATCH_FATAL = 1, COBUY_CATCH_CONTINUE = 2 };

/// Remembers how to give the terminal back from a signal handler, where curses cannot be
/// called: the terminal modes of `input_fd` as they are now (before curses changes them), and
/// the sequences that leave the alternate screen, stop mouse reporting, show the cursor and
/// reset attributes, written to `output_fd`. Call before `newterm`, then
/// `cobuy_prepare_terminal_sequences` after it.
void cobuy_save_terminal(int input_fd, int output_fd);

/// Reads the terminal's own leave sequences from terminfo (after `newterm`).
void cobuy_prepare_terminal_sequences(void);

/// Gives the terminal back with async-signal-safe calls only (`write`, `tcsetattr`).
void cobuy_restore_terminal_now(void);

/// Installs one of the handlers for `signo`, keeping the previous action to put back.
int cobuy_catch_signal(int signo, int kind);

/// Puts back the action that `cobuy_catch_signal` replaced.
int cobuy_release_signal(int signo);

/// Tells the handlers whether curses owns the terminal.
void cobuy_set_curses_active(int active);

/// `endwin` if curses owns the terminal; safe to call twice.
void cobuy_leave_curses(void);

/// The interrupting signal that arrived since the last call (0: none).
int cobuy_take_pending_signal(void);

/// Whether SIGCONT arrived since the last call.
int cobuy_take_continued(void);

/// Registers the `atexit` hook that leaves curses mode; once per process.
int cobuy_register_at_exit(void);

/// Whether SIGTSTP is ignored (a shell without job control).
int cobuy_stop_is_ignored(void);

/// The grace, in seconds, the app has after an interrupting signal to shut down by itself;
/// after it the terminal is given back from the handler and the process exits 128 + signal.
int cobuy_interrupt_grace_seconds(void);

/// Stops the grace timer (the app gave the terminal back by itself).
void cobuy_cancel_interrupt_grace(void);

#endif
