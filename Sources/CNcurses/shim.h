#ifndef COBUY_NCURSES_SHIM_H
#define COBUY_NCURSES_SHIM_H

// SwiftPM drops pkg-config's -D flags, so the wide-character API must be switched on here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <curses.h>

// Macros Swift cannot import, as functions.
static inline attr_t cobuy_a_bold(void) { return A_BOLD; }
static inline attr_t cobuy_a_reverse(void) { return A_REVERSE; }
static inline attr_t cobuy_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cobuy_a_dim(void) { return A_DIM; }
static inline attr_t cobuy_a_normal(void) { return A_NORMAL; }
static inline attr_t cobuy_color_pair(short pair) { return COLOR_PAIR(pair); }
static inline int cobuy_rows(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)x; return y; }
static inline int cobuy_cols(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)y; return x; }
static inline int cobuy_key_f(int n) { return KEY_F(n); }
static inline mmask_t cobuy_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline mmask_t cobuy_button1(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t cobuy_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t cobuy_wheel_down(void) { return BUTTON5_PRESSED; }
static inline int cobuy_color_pairs(void) { return COLOR_PAIRS; }
static inline int cobuy_colors(void) { return COLORS; }
static inline int cobuy_wcwidth(wchar_t c) { return wcwidth(c); }
static inline int cobuy_wcswidth(const wchar_t *s, size_t n) { return wcswidth(s, n); }

#endif
