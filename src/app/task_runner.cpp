#include "app/task_runner.h"

namespace dj::app {

void TaskRunner::add(std::thread t, std::shared_ptr<TaskProgress> p) {
    std::lock_guard lock(mutex_);
    // Forget workers that have finished, so a long session does not pile them up.
    for (auto it = threads_.begin(); it != threads_.end();) {
        if (it->second.use_count() == 1 && it->first.joinable()) {
            it->first.join();
            it = threads_.erase(it);
        } else {
            ++it;
        }
    }
    threads_.emplace_back(std::move(t), std::move(p));
}

TaskRunner::~TaskRunner() {
    std::lock_guard lock(mutex_);
    for (auto& [thread, progress] : threads_)
        progress->cancel = true;
    for (auto& [thread, progress] : threads_)
        if (thread.joinable()) thread.join();
}

}  // namespace dj::app
