#define BOOST_TEST_MODULE split_tests
#include <boost/test/unit_test.hpp>

#include "standard_observers.h"
