#pragma once

#include <wx/app.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/base/error.h"
#include "core/base/progress.h"

namespace dj::app {

// Progress of one background task, shared between the worker and the window showing it; the
// same object the use cases report to.
using TaskProgress = Progress;

// Runs long work off the UI thread. Results come back on the UI thread through CallAfter, and
// only while the `alive` token of the window that asked is still held: a window closed
// meanwhile is never touched. Destroying the runner cancels and joins every worker.
class TaskRunner {
  public:
    TaskRunner() = default;
    TaskRunner(const TaskRunner&) = delete;
    TaskRunner& operator=(const TaskRunner&) = delete;
    ~TaskRunner();

    template <class Result>
    std::shared_ptr<TaskProgress> start(std::weak_ptr<void> alive,
                                        std::function<Result(TaskProgress&)> work,
                                        std::function<void(Result&)> done,
                                        std::function<void(const std::string&)> failed);

    // Tasks still running (for the status bar and the screenshot mode).
    int running() const { return *running_; }

  private:
    void add(std::thread t, std::shared_ptr<TaskProgress> p);
    std::mutex mutex_;
    std::vector<std::pair<std::thread, std::shared_ptr<TaskProgress>>> threads_;
    // Shared with queued completions, which may run after the runner is gone.
    std::shared_ptr<std::atomic<int>> running_ = std::make_shared<std::atomic<int>>(0);
};

template <class Result>
std::shared_ptr<TaskProgress> TaskRunner::start(std::weak_ptr<void> alive,
                                                std::function<Result(TaskProgress&)> work,
                                                std::function<void(Result&)> done,
                                                std::function<void(const std::string&)> failed) {
    auto progress = std::make_shared<TaskProgress>();
    ++*running_;
    std::thread t([running = running_, alive, progress, work = std::move(work),
                   done = std::move(done), failed = std::move(failed)] {
        std::shared_ptr<Result> result;
        std::string error;
        try {
            result = std::make_shared<Result>(work(*progress));
        } catch (const std::exception& e) {
            error = e.what();
        }
        bool cancelled = progress->cancel;
        if (wxTheApp && !cancelled)
            wxTheApp->CallAfter([running, alive, result, error, done, failed] {
                --*running;
                if (alive.expired()) return;
                if (result)
                    done(*result);
                else
                    failed(error);
            });
        else
            --*running;
    });
    add(std::move(t), progress);
    return progress;
}

}  // namespace dj::app
