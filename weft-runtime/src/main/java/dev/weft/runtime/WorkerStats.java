package dev.weft.runtime;

/**
 * The counters of one worker thread at one moment (racy snapshot, for monitoring).
 *
 * @param worker      the worker's index
 * @param polls       task runs (a run lasts until the task parks, yields or ends)
 * @param steals      successful steals from other workers
 * @param stolenTasks tasks moved by those steals
 * @param parks       times the worker parked for lack of work
 * @param lifoPolls   runs taken from the LIFO slot (a task woken by the task before it)
 * @param overflows   times a full local queue moved half of its tasks to the global queue
 */
public record WorkerStats(int worker, long polls, long steals, long stolenTasks, long parks, long lifoPolls,
                          long overflows) {
}
