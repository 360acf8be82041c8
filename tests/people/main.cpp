#define BOOST_TEST_MODULE people_tests
#include <boost/test/unit_test.hpp>

#include "standard_observers.h"
