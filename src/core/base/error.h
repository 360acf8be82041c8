#pragma once

#include <stdexcept>
#include <string>

namespace dj {

// Root of every error meant for a person: what() is already translated and says which record,
// which field and what to do. Caught at the UI/CLI boundary and shown as is.
class Error : public std::runtime_error {
  public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Input that cannot be accepted (a CSV cell, a JSON field, a command argument).
class InvalidInput : public Error {
  public:
    using Error::Error;
};

// A record named by the user does not exist.
class NotFound : public Error {
  public:
    using Error::Error;
};

// The operation would break a stock rule (oversell, negative stock, reservation overrun).
class StockRuleViolation : public Error {
  public:
    using Error::Error;
};

// The person stopped a long operation (Cancel): what it was changing is left as it was.
class Cancelled : public Error {
  public:
    using Error::Error;
};

// The database cannot be used as it is (newer schema, corrupt file, locked).
class StorageError : public Error {
  public:
    using Error::Error;
};

// The acting user's role lacks the permission the operation needs; the message names it.
class Refused : public Error {
  public:
    using Error::Error;
};

// The operation is sensitive: the user must type their password again (valid five minutes)
// and try again. The front ends ask for it, confirm it (ops/users.h) and repeat the operation.
class SecondCheckNeeded : public Error {
  public:
    using Error::Error;
};

// The user name, password, PIN or session is not accepted (wrong, disabled, locked, expired).
class NotLoggedIn : public Error {
  public:
    using Error::Error;
};

}  // namespace dj
