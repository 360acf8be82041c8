#pragma once

#include <boost/test/unit_test.hpp>

#include "ops/observers.h"

// Every suite that touches a shop runs with what the programs install at start (stock offers,
// alert checks after stock changes).
struct StandardObservers {
    StandardObservers() { dj::ops::install_observers(); }
};
BOOST_TEST_GLOBAL_FIXTURE(StandardObservers);
