#pragma once

namespace dj::ops {

// Registers, once per process, what follows every stock change: the platforms' stock offers are
// queued in the change's own transaction, and the stock alerts of the SKUs it touched are
// checked after it commits (a failure there is logged and the next check catches up). Each
// program calls it at start; calling it again changes nothing.
void install_observers();

}  // namespace dj::ops
