// Checks a screenshot a person would see something in: it loads, has the expected size range
// and enough different colours (a blank or single-colour window fails).
#include <wx/image.h>
#include <wx/init.h>

#include <cstdio>
#include <set>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: png_not_blank FILE.png [MIN_COLOURS]\n");
        return 2;
    }
    wxInitializer init;
    wxImage::AddHandler(new wxPNGHandler);
    wxImage image;
    if (!image.LoadFile(wxString::FromUTF8(argv[1]), wxBITMAP_TYPE_PNG)) {
        std::fprintf(stderr, "%s: not a PNG that loads\n", argv[1]);
        return 1;
    }
    long min_colours = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 40;
    std::set<unsigned> colours;
    const unsigned char* p = image.GetData();
    long pixels = static_cast<long>(image.GetWidth()) * image.GetHeight();
    for (long i = 0; i < pixels; ++i)
        colours.insert(p[3 * i] << 16 | p[3 * i + 1] << 8 | p[3 * i + 2]);
    std::printf("%s: %dx%d, %zu colours\n", argv[1], image.GetWidth(), image.GetHeight(),
                colours.size());
    if (image.GetWidth() < 600 || image.GetHeight() < 400) return 1;
    return static_cast<long>(colours.size()) >= min_colours ? 0 : 1;
}
