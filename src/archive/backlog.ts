import type { TransferListItem } from 'node:worker_threads'

/*
 * Flow control between a worker thread that sends data and the main thread that reads it: a
 * shared counter of the KiB sent and not yet read. The worker pauses once the counter passes its
 * maximum, until the reader is down to the resume mark; the reader wakes it only when a release
 * crosses that mark (each wake-up costs the main thread about a millisecond).
 */

/**
 * Sends `message` counting `kib` on the backlog, then waits while the backlog is over `max`,
 * until it is down to `resume`. Runs inside workers built from its source text: it must stay
 * self-contained.
 */
export function sendWithin(
  port: { postMessage(message: unknown, transfer?: readonly TransferListItem[]): void },
  backlog: Int32Array,
  max: number,
  resume: number,
  message: unknown,
  transfer: readonly TransferListItem[],
  kib: number
): void {
  Atomics.add(backlog, 0, kib)
  port.postMessage(message, transfer)
  if (Atomics.load(backlog, 0) <= max) return
  for (let now = Atomics.load(backlog, 0); now > resume; now = Atomics.load(backlog, 0)) {
    Atomics.wait(backlog, 0, now, 100)
  }
}

/** Takes `kib` read by the main thread off the backlog, waking the worker if that lets it go on. */
export function releaseBacklog(backlog: Int32Array, kib: number, resume: number): void {
  const before = Atomics.sub(backlog, 0, kib)
  if (before > resume && before - kib <= resume) Atomics.notify(backlog, 0)
}
