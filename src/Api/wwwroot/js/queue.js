// Runs the per-goal series reads a few at a time, so that a first load of many goals stays well
// under the per-user rate limit; a 429 waits for its Retry-After and is tried once more.
export class SeriesQueue {
  constructor(concurrency) {
    this.concurrency = concurrency;
    this.active = 0;
    this.waiting = [];
    this.generation = 0;
  }

  run(task) {
    const generation = this.generation;
    return new Promise((resolve, reject) => {
      this.waiting.push({ task, resolve, reject, generation });
      this.next();
    });
  }

  clear() {
    this.generation++;
    this.waiting = [];
  }

  next() {
    while (this.active < this.concurrency && this.waiting.length) {
      const job = this.waiting.shift();
      if (job.generation !== this.generation) continue;
      this.active++;
      withRetry(job.task).then(job.resolve, job.reject).finally(() => {
        this.active--;
        this.next();
      });
    }
  }
}

async function withRetry(task) {
  try {
    return await task();
  } catch (e) {
    if (e?.status !== 429) throw e;
    await new Promise(r => setTimeout(r, Math.min(Math.max(e.retryAfter, 1), 10) * 1000));
    return task();
  }
}
