// The window and the command line share one shop file safely, whatever a file dialog does: the
// GTK file chooser opens and closes the files of the folder it shows, and closing any descriptor
// of the database in the window's process would drop the window's SQLite locks (POSIX record
// locks are per process), after which the next dianjia-cli removed the write-ahead log the
// window was still writing into. The window shows its file dialogs from a process of their own
// (src/app/file_chooser.h): here a save dialog browses the database's folder and is cancelled,
// the command line then uses the file, and the window keeps its locks and its log; what the
// window changes afterwards, the command line sees.
#define BOOST_TEST_MODULE gui_shared_file_tests

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "demo/demo_shop.h"
#include "ops/waves.h"
#include "run_app.h"
#include "standard_observers.h"
#include "store/base/database.h"
#include "store/testing/sql_probe.h"
#include "temp_dir.h"
#include "test_clock.h"

using namespace dj;

namespace {

struct SharedShop {
    test::TempDir dir;
    std::string folder = dir.file("shop");
    std::string path;
    SharedShop() {
        std::filesystem::create_directories(folder);
        path = folder + "/shop.db";
        Database db(path, test::fixed_clock());
        DemoOptions options;
        options.orders = 60;
        Actor actor{"demo", "owner", "test"};
        build_demo_shop(db, options, actor);
        WaveRequest one;
        one.max_waves = 1;  // orders are left for the window's own wave
        ops::create_waves(db, actor, one);
        // The file dialogs open in the folder last chosen: the database's.
        std::filesystem::path settings = dir.file("home") + "/.local/share/dianjia";
        std::filesystem::create_directories(settings);
        std::ofstream(settings / "dianjia.ini") << "[ui]\nlast_folder=" << folder << "\n";
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(gui_shared_file, SharedShop)

BOOST_AUTO_TEST_CASE(a_file_dialog_on_the_database_folder_keeps_the_windows_locks) {
    long long waves = testing::SqlProbe(path).integer("SELECT count(*) FROM wave");
    BOOST_TEST_REQUIRE(waves > 0);
    const std::string create_wave = "创建波次";
    std::string check = std::string("'") + DJ_LOCKS_KEPT + "' '" + DJ_CLI_PATH + "' '" + path + "'";
    BOOST_TEST_REQUIRE(test::drive_app(dir.file("home"), path, "pack",
                                       {"run:" + check, "press:面单 PDF…", "focus:src/app/dianjia",
                                        "wait:4", "key:Escape", "wait:1", "run:" + check,
                                        "press:" + create_wave, "wait:2", "run:" + check}) == 0);
    // The wave the window created after the command line's visit reached the file.
    BOOST_TEST(testing::SqlProbe(path).integer("SELECT count(*) FROM wave") == waves + 1);
    BOOST_TEST(testing::SqlProbe(path).text("PRAGMA quick_check") == "ok");
}

BOOST_AUTO_TEST_SUITE_END()
