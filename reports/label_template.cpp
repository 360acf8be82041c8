#include "reports/label_template.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "os/data_folder.h"
#include "os/utf8_path.h"

namespace dj::reports {

std::string label_template_dir() {
    if (const char* env = std::getenv("DIANJIA_TEMPLATES"); env && *env) return env;
    // Installed (Windows): beside the program; otherwise the source tree's.
    std::string program = os::program_folder();
    std::filesystem::path installed = os::utf8_path(program) / "templates";
#ifdef DJ_TEMPLATES_DIR
    std::error_code ec;
    if (!program.empty() && std::filesystem::is_directory(installed, ec))
        return os::utf8_string(installed);
    return DJ_TEMPLATES_DIR;
#else
    return os::utf8_string(installed);
#endif
}

LabelTemplate load_label_template(const std::string& size, const std::string& dir) {
    std::filesystem::path file = os::utf8_path(dir) / ("label_" + size + ".json");
    std::ifstream in(file);
    if (!in)
        throw NotFound(trf("No label layout {0} ({1}): use 100x150, 100x180 or 76x130", size,
                           os::utf8_string(file)));
    std::string field = "(file)";
    try {
        nlohmann::json j = nlohmann::json::parse(in);
        LabelTemplate t;
        t.size = size;
        field = "width_mm";
        t.width_mm = j.at("width_mm").get<double>();
        field = "height_mm";
        t.height_mm = j.at("height_mm").get<double>();
        int n = 0;
        for (const nlohmann::json& e : j.at("elements")) {
            field = "elements[" + std::to_string(n++) + "]";
            LabelElement el;
            std::string kind = e.at("type").get<std::string>();
            if (kind == "text")
                el.kind = LabelElement::Kind::text;
            else if (kind == "barcode")
                el.kind = LabelElement::Kind::barcode;
            else if (kind == "line")
                el.kind = LabelElement::Kind::line;
            else
                throw InvalidInput(trf("{0}: {1}.type must be text, barcode or line, not {2}",
                                       file.string(), field, kind));
            el.field = e.value("field", "");
            el.text = e.value("text", "");
            el.x = e.at("x").get<double>();
            el.y = e.at("y").get<double>();
            el.width = e.value("w", 0.0);
            el.height = e.value("h", 0.0);
            el.size = e.value("size", 10.0);
            el.max_lines = e.value("lines", 1);
            t.elements.push_back(std::move(el));
        }
        return t;
    } catch (const nlohmann::json::exception& e) {
        throw InvalidInput(
            trf("Label layout {0}, field {1}: {2}. Fix the file or restore the "
                "shipped one",
                file.string(), field, e.what()));
    }
}

}  // namespace dj::reports
