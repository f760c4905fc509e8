export interface Gate {
  /** Runs `start` now or when a slot frees; returns a withdraw function, or null when the queue is full. */
  enter(start: () => void): (() => void) | null;
  leave(): void;
  readonly active: number;
  readonly waiting: number;
}
export function createGate(limit: number, maxQueue: number): Gate;
