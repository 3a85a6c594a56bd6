import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One SQLite connection serves every request, but a transaction's work is async: while it
 * awaits, other requests would otherwise run their statements inside the open transaction
 * (seeing uncommitted rows, and being rolled back with it). The gate orders that:
 * transactions run one at a time, and any operation arriving while one is open or queued
 * waits its turn. Code running inside the transaction (tracked with AsyncLocalStorage) is
 * let through, so nested calls reuse the outer transaction.
 */
export class Gate {
  private readonly als = new AsyncLocalStorage<symbol>();
  private active: symbol | null = null;
  private pending = 0;
  private tail: Promise<unknown> = Promise.resolve();

  /** True while `token`'s transaction is the open one. */
  isOpen(token: symbol): boolean {
    return this.active === token;
  }

  /** The open transaction's token when called from inside its work, else null. */
  current(): symbol | null {
    const token = this.als.getStore();
    return token !== undefined && token === this.active ? token : null;
  }

  /** Runs a synchronous operation now, or after the transactions ahead of it. */
  run<T>(op: () => T): Promise<T> {
    if (this.pending === 0 || this.current() !== null) {
      try {
        return Promise.resolve(op());
      } catch (err) {
        return Promise.reject(err);
      }
    }
    return this.enqueue(async () => op());
  }

  /**
   * Runs `work` as the only open transaction. `begin/commit/rollback` are the SQL steps;
   * a throw from `work` rolls back and is rethrown.
   */
  transaction<R>(
    steps: { begin(): void; commit(): void; rollback(): void },
    work: (token: symbol) => Promise<R>,
  ): Promise<R> {
    const inside = this.current();
    if (inside !== null) return work(inside);
    return this.enqueue(async () => {
      const token = Symbol('transaction');
      steps.begin();
      this.active = token;
      try {
        const result = await this.als.run(token, () => work(token));
        steps.commit();
        return result;
      } catch (err) {
        steps.rollback();
        throw err;
      } finally {
        this.active = null;
      }
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }
}
