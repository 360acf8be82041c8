#include "core/orders/split_plan.h"

#include <numeric>
#include <optional>

namespace dj {
namespace {

// What one line takes from a warehouse, a SKU named twice in a bundle summed once.
using Needs = std::vector<std::pair<Id, Qty>>;

Needs needs_of(const std::vector<SplitItem>& items) {
    std::map<Id, Qty> sum;
    for (const SplitItem& i : items)
        sum[i.sku_id] += i.qty;
    return {sum.begin(), sum.end()};
}

bool fits(const SplitStock& stock, Id warehouse, const Needs& needs) {
    for (const auto& [sku, qty] : needs) {
        auto it = stock.find({warehouse, sku});
        if (it == stock.end() || it->second < qty) return false;
    }
    return true;
}

// `sign` -1 takes the line's units, +1 gives them back; only called after fits().
void move(SplitStock& stock, Id warehouse, const Needs& needs, Qty sign) {
    for (const auto& [sku, qty] : needs)
        stock[{warehouse, sku}] += sign * qty;
}

// Depth-first search for an assignment of every line to one of a few warehouses. It is bounded:
// an order of many lines over many warehouses must not stall allocation, so past the budget the
// caller settles for a greedy plan.
class Search {
  public:
    Search(const std::vector<Needs>& needs, const SplitStock& stock)
        : needs_(needs), stock_(stock) {}

    // Earlier warehouses are tried first for every line; false when there is no assignment or
    // the budget ran out.
    bool assign(const std::vector<Id>& warehouses, std::vector<Id>& out) {
        return step(0, warehouses, out);
    }
    bool exhausted() const { return budget_ <= 0; }

  private:
    bool step(std::size_t line, const std::vector<Id>& warehouses, std::vector<Id>& out) {
        if (line == needs_.size()) return true;
        for (Id wh : warehouses) {
            if (--budget_ <= 0) return false;
            if (!fits(stock_, wh, needs_[line])) continue;
            move(stock_, wh, needs_[line], -1);
            out[line] = wh;
            bool done = step(line + 1, warehouses, out);
            move(stock_, wh, needs_[line], +1);
            if (done) return true;
        }
        return false;
    }

    const std::vector<Needs>& needs_;
    SplitStock stock_;
    long budget_ = 200000;
};

// Each round the warehouse that can take the most of the remaining lines (the earlier one on a
// tie) takes them.
std::optional<std::vector<Id>> greedy(const std::vector<Needs>& needs,
                                      const std::vector<Id>& warehouses, SplitStock stock) {
    std::vector<Id> out(needs.size(), 0);
    std::size_t left = needs.size();
    while (left > 0) {
        Id best = 0;
        std::vector<std::size_t> best_lines;
        for (Id wh : warehouses) {
            SplitStock trial = stock;
            std::vector<std::size_t> taken;
            for (std::size_t i = 0; i < needs.size(); ++i) {
                if (out[i] != 0 || !fits(trial, wh, needs[i])) continue;
                move(trial, wh, needs[i], -1);
                taken.push_back(i);
            }
            if (taken.size() > best_lines.size()) {
                best = wh;
                best_lines = std::move(taken);
            }
        }
        if (best_lines.empty()) return std::nullopt;
        for (std::size_t i : best_lines) {
            move(stock, best, needs[i], -1);
            out[i] = best;
        }
        left -= best_lines.size();
    }
    return out;
}

// The assignment over the fewest warehouses, trying sets of warehouses in preference order.
std::optional<std::vector<Id>> smallest(const std::vector<Needs>& needs,
                                        const std::vector<Id>& warehouses,
                                        const SplitStock& stock) {
    for (const Needs& n : needs) {
        bool somewhere = false;
        for (Id wh : warehouses)
            somewhere = somewhere || fits(stock, wh, n);
        if (!somewhere) return std::nullopt;
    }
    Search search(needs, stock);
    const std::size_t n = warehouses.size();
    for (std::size_t k = 1; k <= n; ++k) {
        std::vector<std::size_t> pick(k);
        std::iota(pick.begin(), pick.end(), std::size_t{0});
        for (;;) {
            std::vector<Id> chosen;
            for (std::size_t i : pick)
                chosen.push_back(warehouses[i]);
            std::vector<Id> out(needs.size(), 0);
            if (search.assign(chosen, out)) return out;
            if (search.exhausted()) return greedy(needs, warehouses, stock);
            // The next k-subset in lexicographic order of preference.
            std::size_t i = k;
            while (i > 0 && pick[i - 1] == n - k + i - 1)
                --i;
            if (i == 0) break;
            ++pick[i - 1];
            for (std::size_t j = i; j < k; ++j)
                pick[j] = pick[j - 1] + 1;
        }
    }
    return std::nullopt;
}

}  // namespace

std::vector<SplitPart> plan_split(const std::vector<SplitLine>& lines,
                                  const std::vector<Id>& warehouses, const SplitStock& stock) {
    if (lines.empty() || warehouses.empty()) return {};
    std::size_t presale_count = 0;
    for (const SplitLine& l : lines)
        if (l.presale) ++presale_count;
    // An order of presale lines only is an ordinary order that ships late as a whole.
    bool presale_apart = presale_count > 0 && presale_count < lines.size();
    std::vector<const SplitLine*> now;
    std::vector<Needs> needs;
    for (const SplitLine& l : lines) {
        if (presale_apart && l.presale) continue;
        now.push_back(&l);
        needs.push_back(needs_of(l.items));
    }
    std::optional<std::vector<Id>> assignment = smallest(needs, warehouses, stock);
    if (!assignment) return {};
    std::vector<SplitPart> parts;
    for (Id wh : warehouses) {
        SplitPart part{wh, {}, false};
        for (std::size_t i = 0; i < now.size(); ++i)
            if ((*assignment)[i] == wh) part.line_ids.push_back(now[i]->line_id);
        if (!part.line_ids.empty()) parts.push_back(std::move(part));
    }
    if (presale_apart) {
        SplitStock left = stock;
        for (std::size_t i = 0; i < now.size(); ++i)
            move(left, (*assignment)[i], needs[i], -1);
        SplitPart part{warehouses.front(), {}, true};
        std::vector<SplitItem> all;
        for (const SplitLine& l : lines) {
            if (!l.presale) continue;
            part.line_ids.push_back(l.line_id);
            all.insert(all.end(), l.items.begin(), l.items.end());
        }
        Needs presale_needs = needs_of(all);
        for (Id wh : warehouses)
            if (fits(left, wh, presale_needs)) {
                part.warehouse_id = wh;
                break;
            }
        parts.push_back(std::move(part));
    }
    return parts;
}

std::vector<Fen> share_paid(Fen total, const std::vector<Fen>& part_values) {
    std::vector<Fen> out(part_values.size(), 0);
    if (out.empty()) return out;
    Fen all = std::accumulate(part_values.begin(), part_values.end(), Fen{0});
    Fen rest = total;
    if (all > 0)
        for (std::size_t i = 1; i < out.size(); ++i) {
            // total × value / all without overflowing for any real order (values below 10^9
            // fen): split total into whole multiples of `all` and the remainder.
            out[i] = total / all * part_values[i] + total % all * part_values[i] / all;
            rest -= out[i];
        }
    out[0] = rest;
    return out;
}

}  // namespace dj
