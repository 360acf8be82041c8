#define BOOST_TEST_MODULE report_tests
#include <boost/test/unit_test.hpp>

#include "standard_observers.h"
