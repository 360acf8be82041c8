#include "reports/code128.h"

#include <zint.h>

#include <memory>

#include "core/base/translate.h"
#include "reports/report_document.h"

namespace dj::reports {

void draw_code128(HPDF_Page page, const std::string& text, float x, float y, float width,
                  float height) {
    std::unique_ptr<zint_symbol, decltype(&ZBarcode_Delete)> symbol(ZBarcode_Create(),
                                                                    &ZBarcode_Delete);
    if (!symbol) throw OutputError(tr("Barcode: out of memory"));
    symbol->symbology = BARCODE_CODE128;
    symbol->show_hrt = 0;  // the number is printed beside it in the document's own font
    symbol->whitespace_width = 0;
    int rc = ZBarcode_Encode_and_Buffer_Vector(symbol.get(),
                                               reinterpret_cast<const unsigned char*>(text.c_str()),
                                               static_cast<int>(text.size()), 0);
    if (rc >= ZINT_ERROR || !symbol->vector || symbol->vector->width <= 0)
        throw OutputError(
            trf("Barcode: cannot encode {0} as Code 128 ({1})", text, std::string(symbol->errtxt)));
    float kx = width / symbol->vector->width;
    float ky = height / symbol->vector->height;
    float top = y + height;  // zint's y grows downward, the page's upward
    HPDF_Page_SetGrayFill(page, 0);
    for (zint_vector_rect* r = symbol->vector->rectangles; r; r = r->next)
        HPDF_Page_Rectangle(page, x + r->x * kx, top - (r->y + r->height) * ky, r->width * kx,
                            r->height * ky);
    HPDF_Page_Fill(page);
}

}  // namespace dj::reports
