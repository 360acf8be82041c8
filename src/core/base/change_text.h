#pragma once

#include <string>
#include <string_view>

namespace dj {

// What the audit log says changed: "old → new", or the new value alone when there was none
// before. An empty side reads "—" so a cleared value shows as cleared.
std::string change_text(std::string_view before, std::string_view after);

// The fields of one record that changed, as "name: old → new; cost: 1.00 → 2.00".
class ChangeList {
  public:
    // Kept only when `before` and `after` differ; `field` is what people call it (translated).
    void add(std::string_view field, std::string_view before, std::string_view after);
    bool empty() const { return text_.empty(); }
    const std::string& text() const { return text_; }

  private:
    std::string text_;
};

}  // namespace dj
