#!/bin/sh
# Cuts DejaVu Sans (regular and bold) down to the characters the application PDF can
# show, for worker/fonts/. The results are committed, so builds never need fonttools;
# run this again only to change the character set (then update SUPPORTED in
# worker/src/pdf/font.rs to match).
#
# Needs: fonts-dejavu-core (Debian) and fonttools (pip install fonttools).
set -eu

SRC=${DEJAVU_DIR:-/usr/share/fonts/truetype/dejavu}
OUT=$(dirname "$0")/../worker/fonts

# Basic Latin, Latin-1 Supplement, Latin Extended-A, and the punctuation the texts and
# formatters use: – — ‘ ’ “ ” • … € − (the minus sign of negative amounts).
UNICODES="U+0020-007E,U+00A0-00FF,U+0100-017F,U+2013,U+2014,U+2018,U+2019,U+201C,U+201D,U+2022,U+2026,U+20AC,U+2212"

for face in DejaVuSans DejaVuSans-Bold; do
    # No layout features or hinting: the layout places glyphs by advance width alone,
    # and the PDF is for reading and printing, not for pixel-hinted screens.
    pyftsubset "$SRC/$face.ttf" \
        --unicodes="$UNICODES" \
        --layout-features='' \
        --no-hinting \
        --desubroutinize \
        --notdef-outline \
        --output-file="$OUT/$face-subset.ttf"
done
ls -l "$OUT"/*.ttf
