#define BOOST_TEST_MODULE app_model_tests
#include <boost/test/unit_test.hpp>

#include "standard_observers.h"
