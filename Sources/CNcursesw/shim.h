// Wide-character ncurses for Swift.
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, which hides the wide-character API:
// define what it needs before including curses.h.
#ifndef DATAJAM_NCURSESW_SHIM_H
#define DATAJAM_NCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 600
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <curses.h>

// wcwidth is not visible through Glibc in Swift.
int wcwidth(wchar_t c);

// Swift 6 rejects these globals as not concurrency-safe, and macros are not importable.
static inline WINDOW *datajam_stdscr(void) { return stdscr; }
static inline int datajam_lines(void) { return LINES; }
static inline int datajam_cols(void) { return COLS; }
static inline int datajam_key_f(int n) { return KEY_F(n); }
static inline attr_t datajam_a_bold(void) { return A_BOLD; }
static inline attr_t datajam_a_reverse(void) { return A_REVERSE; }
static inline attr_t datajam_a_underline(void) { return A_UNDERLINE; }
static inline attr_t datajam_a_dim(void) { return A_DIM; }
static inline attr_t datajam_a_normal(void) { return A_NORMAL; }
static inline attr_t datajam_color_pair(int n) { return COLOR_PAIR(n); }
static inline int datajam_color_pairs(void) { return COLOR_PAIRS; }
static inline int datajam_colors(void) { return COLORS; }
static inline int datajam_cchar_max(void) { return CCHARW_MAX; }

// stdin and stdout are mutable C globals, which Swift 6 rejects; newterm needs them as FILE *.
static inline FILE *datajam_stdin(void) { return stdin; }
static inline FILE *datajam_stdout(void) { return stdout; }

// Whether terminal type `term` can move the cursor to any cell (terminfo's "cup"), which a
// full-screen interface needs: 1 yes, 0 no (TERM=dumb, a printing terminal), -1 unknown type.
// Asked before newterm, which would otherwise start a blank screen on such a terminal.
#include <term.h>
static inline int datajam_term_addresses_cursor(const char *term) {
    int error = 0;
    TERMINAL *previous = cur_term;
    if (setupterm((char *)term, 1, &error) != OK) return -1;
    const char *cup = tigetstr("cup");
    int addresses = cup != NULL && cup != (const char *)-1;
    TERMINAL *probe = set_curterm(previous);
    if (probe != NULL && probe != previous) del_curterm(probe);
    return addresses;
}

#endif
