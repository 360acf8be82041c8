#pragma once

#include <string>

#include "core/base/error.h"

namespace dj {

// A platform refused or failed a call. The subclass says what the shop owner or the sync
// engine should do about it.
class PlatformError : public Error {
  public:
    using Error::Error;
};

// Bad signature, unknown app key, missing permission: the store's settings must be fixed.
class PlatformConfigError : public PlatformError {
  public:
    using PlatformError::PlatformError;
};

// The access token expired or was revoked: the store must be authorised again.
class AuthorizationExpired : public PlatformError {
  public:
    using PlatformError::PlatformError;
};

// Too many calls: try again after a pause.
class PlatformThrottled : public PlatformError {
  public:
    using PlatformError::PlatformError;
};

// The platform or the network failed (HTTP 5xx, timeout, isp.* errors): try again later.
class PlatformUnavailable : public PlatformError {
  public:
    using PlatformError::PlatformError;
};

// The platform says the order shipped already: a confirmation whose first answer was lost
// reached it. The shipment is acknowledged, never sent again.
class AlreadyShipped : public PlatformError {
  public:
    using PlatformError::PlatformError;
};

// The answer could not be understood; nothing from it may be stored. Keeps the raw body for
// the log.
class MalformedResponse : public PlatformError {
  public:
    MalformedResponse(const std::string& message, std::string raw_body)
        : PlatformError(message), raw_body_(std::move(raw_body)) {}
    const std::string& raw_body() const { return raw_body_; }

  private:
    std::string raw_body_;
};

}  // namespace dj
