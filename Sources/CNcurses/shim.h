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

// The signal handlers and their state live in the CTerminalSignals C target: state in a
// header is `static`, so each object file that used it had its own copy.

#endif
