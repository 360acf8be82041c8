// cli_tests: drives the real dianjia-cli binary on real SQLite files.
#define BOOST_TEST_MODULE cli_tests
#include <boost/test/unit_test.hpp>

#include "standard_observers.h"
