#pragma once

#include <hpdf.h>

#include <string>

namespace dj::reports {

// Draws `text` as a Code 128 barcode (encoded by libzint, drawn as filled rectangles, so it stays
// sharp at any printer resolution) into the box whose lower left corner is (x, y), in points.
// The bars are stretched to `width`; keep it at least 0.25 mm per module for label printers.
// Throws OutputError naming the text when zint cannot encode it.
void draw_code128(HPDF_Page page, const std::string& text, float x, float y, float width,
                  float height);

}  // namespace dj::reports
