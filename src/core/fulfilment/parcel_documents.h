#pragma once

#include <string>
#include <vector>

#include "core/base/types.h"
#include "core/orders/order.h"

namespace dj {

// What a waybill label prints for one parcel. The receiver is exactly as stored: masked
// fields print masked.
struct LabelData {
    std::string carrier;
    std::string tracking_no;
    std::string order_no;  // platform order id
    std::string store_name;
    std::string sender_name;
    std::string sender_address;
    Receiver receiver;
    std::string items;  // "CUP-1 x2; TEA-1 x1"
    std::string wave;   // wave number and slot, empty outside a wave
    Timestamp printed_at = 0;
};

struct PackingLine {
    std::string sku_code;
    std::string name;
    std::string spec;
    Qty qty = 0;
};

// What goes into the parcel, for the buyer and for the packer's check.
struct PackingList {
    std::string order_no;
    std::string store_name;
    std::string buyer_nick;
    Receiver receiver;
    std::string buyer_note;
    std::string carrier;
    std::string tracking_no;
    Timestamp paid_at = 0;
    Fen paid_amount = 0;
    std::vector<PackingLine> lines;
    Timestamp printed_at = 0;
};

}  // namespace dj
