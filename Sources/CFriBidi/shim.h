// GNU FriBidi: the Unicode Bidirectional Algorithm (UAX #9) and Arabic joining, so that right-to-left text
// reaches terminals that do no bidirectional layout (xterm, tmux, Windows Terminal) in visual order.
#ifndef DATAJAM_FRIBIDI_SHIM_H
#define DATAJAM_FRIBIDI_SHIM_H
#include <fribidi.h>

// FriBidi's paragraph and character types are macros over bit masks, which Swift does not import: name the
// few we use.
static inline FriBidiParType datajam_fribidi_paragraph(int rightToLeft) {
    return rightToLeft ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
}

// 1 for a strong right-to-left character (Hebrew, Arabic letters), -1 for a strong left-to-right one, else 0:
// the paragraph's direction is that of its first strong character (UAX #9, rule P2).
static inline int datajam_fribidi_strong_direction(FriBidiChar character) {
    FriBidiCharType type = fribidi_get_bidi_type(character);
    if (!FRIBIDI_IS_STRONG(type) || !FRIBIDI_IS_LETTER(type)) return 0;
    return FRIBIDI_IS_RTL(type) ? 1 : -1;
}
#endif
