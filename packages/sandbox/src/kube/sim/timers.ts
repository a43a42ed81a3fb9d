interface Timer {
  at: number;
  sequence: number;
  run: () => void;
}

/**
 * Due-time queue (a binary min-heap) for the simulation's delayed steps: a
 * pulled image, a crash, the end of a back-off. A tick pops only what is due,
 * so thousands of quiet pods cost nothing per tick.
 */
export class TimerQueue {
  private readonly heap: Timer[] = [];
  private sequence = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Runs `run` at simulated time `at` (ms). */
  at(at: number, run: () => void): void {
    this.heap.push({ at, sequence: this.sequence++, run });
    this.up(this.heap.length - 1);
  }

  /** Runs every timer due at `now`, including those the run schedules for `now` or earlier. */
  runDue(now: number): void {
    let guard = 100_000;
    while (this.heap.length > 0 && this.heap[0]!.at <= now && guard-- > 0) {
      const timer = this.pop();
      timer.run();
    }
  }

  private before(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.sequence < b.sequence);
  }

  private pop(): Timer {
    const top = this.heap[0]!;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private up(index: number): void {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(this.heap[index]!, this.heap[parent]!)) return;
      [this.heap[index], this.heap[parent]] = [this.heap[parent]!, this.heap[index]!];
      index = parent;
    }
  }

  private down(index: number): void {
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < this.heap.length && this.before(this.heap[left]!, this.heap[smallest]!))
        smallest = left;
      if (right < this.heap.length && this.before(this.heap[right]!, this.heap[smallest]!))
        smallest = right;
      if (smallest === index) return;
      [this.heap[index], this.heap[smallest]] = [this.heap[smallest]!, this.heap[index]!];
      index = smallest;
    }
  }
}
