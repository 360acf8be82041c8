#pragma once

#include <string>

namespace dj {

// Where an e-waybill's parcels are sent from, as the platforms' waybill calls take it.
struct SenderAddress {
    std::string name;
    std::string phone;
    std::string province;
    std::string city;
    std::string district;
    std::string detail;  // street and number
};

// A store's e-waybill subscription (电子面单账号): the carrier, the branch (网点) that issues the
// numbers, the monthly settlement account where the carrier has one, and the sender printed on
// the label. Read from the platform where it has a call for it, or entered by a person.
struct CarrierAccount {
    long long id = 0;
    std::string store;          // the store's code
    std::string carrier;        // our carrier code (core/fulfilment/carrier.h)
    std::string platform_code;  // the code the platform's waybill call takes for the carrier
    std::string branch_code;
    std::string branch_name;
    std::string account_no;  // monthly settlement account (月结账号), empty when none
    SenderAddress sender;
    bool from_platform = false;  // read from the platform (else entered)
};

// Throws InvalidInput naming the field when a code, name or address part is empty where the
// waybill calls need it, too long, or not plain text; the carrier must be a known one.
void check_carrier_account(const CarrierAccount& account);

}  // namespace dj
