#include "os/font_locations.h"

namespace dj::os {

std::vector<std::string> cjk_font_candidates() {
    // Debian's fonts-wqy-zenhei (sans, as labels want) and fonts-arphic-uming.
    return {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc"};
}

}  // namespace dj::os
