#include "core/orders/parcel_merge.h"

#include <map>
#include <set>

#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {
namespace {

std::string without_blanks(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        // U+3000 IDEOGRAPHIC SPACE, common in addresses typed on Chinese keyboards.
        if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
            static_cast<unsigned char>(s[i + 2]) == 0x80) {
            i += 2;
            continue;
        }
        out += s[i];
    }
    return out;
}

std::string group_key(const MergeCandidate& c) {
    std::string key = std::to_string(c.store_id) + "\x1f";
    return c.platform_merge_key.empty() ? key + "r:" + c.receiver_key
                                        : key + "p:" + c.platform_merge_key;
}

}  // namespace

std::string receiver_key(const Receiver& r) {
    std::string address = without_blanks(r.province + r.city + r.district + r.address);
    std::string name = without_blanks(r.name);
    std::string phone = without_blanks(r.phone);
    if (address.empty() && name.empty() && phone.empty()) return "";
    return name + "\x1f" + phone + "\x1f" + address;
}

bool same_destination(const MergeCandidate& a, const MergeCandidate& b) {
    if (a.store_id != b.store_id) return false;
    if (!a.platform_merge_key.empty() && !b.platform_merge_key.empty())
        return a.platform_merge_key == b.platform_merge_key;
    return !a.receiver_key.empty() && a.receiver_key == b.receiver_key;
}

std::optional<std::string> merge_refusal(const MergeCandidate& c) {
    if (c.status != OrderStatus::to_ship)
        return trf("order {0} is {1}, not waiting to ship", c.order_no,
                   std::string(order_status_code(c.status)));
    if (c.allocation == Allocation::shipped) return trf("order {0} is shipped", c.order_no);
    if (c.packed) return trf("order {0} is packed already", c.order_no);
    if (c.in_open_wave)
        return trf("order {0} is in an open wave: its pick list is printed", c.order_no);
    return std::nullopt;
}

std::size_t choose_parcel_head(const std::vector<MergeCandidate>& orders) {
    if (orders.size() < 2) throw InvalidInput(tr("Merging needs at least two orders"));
    std::set<Id> seen;
    for (const MergeCandidate& c : orders) {
        if (!seen.insert(c.order_id).second)
            throw InvalidInput(trf("Order {0} is named twice", c.order_no));
        if (auto why = merge_refusal(c)) throw InvalidInput(trf("Cannot merge: {0}", *why));
    }
    const MergeCandidate& first = orders.front();
    std::optional<Id> warehouse;
    for (const MergeCandidate& c : orders) {
        if (c.store_id != first.store_id)
            throw InvalidInput(trf("Cannot merge {0} and {1}: they belong to different stores",
                                   first.order_no, c.order_no));
        if (!same_destination(first, c))
            throw InvalidInput(
                trf("Cannot merge {0} and {1}: they go to different receivers (name, phone and "
                    "address must all match)",
                    first.order_no, c.order_no));
        if (c.allocation == Allocation::allocated && c.warehouse_id) {
            if (warehouse && *warehouse != *c.warehouse_id)
                throw InvalidInput(
                    trf("Cannot merge: order {0} ships from another warehouse than the others; "
                        "move it to the same warehouse first",
                        c.order_no));
            warehouse = c.warehouse_id;
        }
    }
    std::optional<std::size_t> head;
    for (std::size_t i = 0; i < orders.size(); ++i)
        if (orders[i].parcel_id && *orders[i].parcel_id == orders[i].order_id) {
            if (head)
                throw InvalidInput(
                    trf("Orders {0} and {1} head two parcels already: unmerge one "
                        "of them first",
                        orders[*head].order_no, orders[i].order_no));
            head = i;
        }
    // Members of a parcel not headed by any of the named orders would leave their parcel.
    for (const MergeCandidate& c : orders)
        if (c.parcel_id && (!head || *c.parcel_id != orders[*head].order_id) &&
            *c.parcel_id != c.order_id)
            throw InvalidInput(
                trf("Order {0} is merged into another parcel: name that parcel's "
                    "order or unmerge it first",
                    c.order_no));
    if (head) return *head;
    for (std::size_t i = 0; i < orders.size(); ++i)
        if (orders[i].has_waybill) return i;
    return 0;
}

std::vector<std::vector<Id>> mergeable_groups(const std::vector<MergeCandidate>& orders) {
    std::map<std::string, std::vector<const MergeCandidate*>> by_key;
    std::vector<std::string> key_order;
    for (const MergeCandidate& c : orders) {
        if (merge_refusal(c)) continue;
        if (c.platform_merge_key.empty() && c.receiver_key.empty()) continue;
        std::string key = group_key(c);
        auto [it, added] = by_key.try_emplace(key);
        if (added) key_order.push_back(key);
        it->second.push_back(&c);
    }
    std::vector<std::vector<Id>> groups;
    for (const std::string& key : key_order) {
        const auto& members = by_key[key];
        if (members.size() < 2) continue;
        std::set<std::optional<Id>> parcels;
        for (const MergeCandidate* c : members)
            parcels.insert(c->parcel_id);
        if (parcels.size() == 1 && *parcels.begin()) continue;  // already one parcel
        std::vector<Id> ids;
        for (const MergeCandidate* c : members)
            ids.push_back(c->order_id);
        groups.push_back(std::move(ids));
    }
    return groups;
}

}  // namespace dj
