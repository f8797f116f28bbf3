// The scheduler's timers: a binary min-heap of deadlines (ties fire in the order added).
interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

export class TimerHeap {
  private heap: Timer[] = [];
  private seq = 0;
  private removed = new Set<number>();

  /** Adds a timer; returns its id (for remove). */
  add(at: number, fn: () => void): number {
    const t: Timer = { at, seq: ++this.seq, fn };
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
    return t.seq;
  }

  remove(id: number): void {
    this.removed.add(id);
  }

  /** Runs the timers due at `now`; true if any ran. */
  fireDue(now: number): boolean {
    let fired = false;
    while (this.heap.length > 0 && this.heap[0].at <= now) {
      const t = this.pop();
      if (this.removed.delete(t.seq)) continue;
      fired = true;
      t.fn();
    }
    return fired;
  }

  /** Milliseconds until the next timer (Infinity when there is none). */
  delay(now: number): number {
    while (this.heap.length > 0 && this.removed.has(this.heap[0].seq)) this.removed.delete(this.pop().seq);
    return this.heap.length === 0 ? Infinity : Math.max(0, this.heap[0].at - now);
  }

  private pop(): Timer {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
