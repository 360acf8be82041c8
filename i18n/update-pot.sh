#!/usr/bin/env bash
# Re-extracts every user-visible string into i18n/dianjia.pot and merges it into each .po:
# _() in the program, tr()/trf() below it, and the labels of the XRC forms.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wxrc --gettext forms/*.xrc > "$tmp/forms_strings.cpp"
find src platforms reports -name '*.cpp' -o -name '*.h' 2>/dev/null | sort > "$tmp/files"
echo "$tmp/forms_strings.cpp" >> "$tmp/files"
xgettext --from-code=UTF-8 --language=C++ --keyword=_ --keyword=tr --keyword=trf --keyword=tr_noop --keyword=deferred \
    --keyword=wxPLURAL:1,2 --keyword=wxTRANSLATE --add-comments=TRANSLATORS \
    --package-name=dianjia --no-location --sort-output \
    --files-from="$tmp/files" -o i18n/dianjia.pot
for lang in $(grep -v '^#' i18n/LINGUAS); do
    msgmerge --quiet --update --backup=none --no-fuzzy-matching i18n/"$lang".po i18n/dianjia.pot
done
