import { Worker } from 'node:worker_threads'
import { releaseBacklog, sendWithin } from './backlog.js'
import type { DataFailure, DataJob, DataResult } from './zip-entry-data.js'
import { GUNZIP_WORKER_MIN_BYTES } from './decompress.js'
import { createInflater, decodeData, locateData } from './zip-entry-data.js'

/** Small results travel together in batches of this size: one message per batch, not per entry. */
const BATCH_BYTES = 512 * 1024
/** The worker waits while this many KiB of inflated data sit unread on the main thread. */
const MAX_PENDING_KIB = 8 * 1024
/**
 * Once paused, the worker goes on only when the main thread is down to this much: each wake-up
 * cost the main thread about a millisecond (measured on a busy 2-core machine), so they are few.
 */
const RESUME_PENDING_KIB = MAX_PENDING_KIB / 2
/** Read data is taken off the worker's count in steps of this size, not one Atomics call each. */
const RELEASE_KIB = 256
const JOB_FIELDS = 8

type Item =
  | [index: number, where: 'batch' | 'zip' | 'own', offset: number, length: number, crcOk: boolean]
  | [index: number, where: 'failure', result: { failure: DataFailure }]

interface Message {
  items?: Item[]
  batch?: ArrayBuffer
  own?: ArrayBuffer
  done?: boolean
}

/** What `poll` answers for a job this thread is to read itself. */
export const READ_HERE = 'read here'

/**
 * Inflates zip members on a worker thread while the main thread emits the ones before them: for
 * a zip of many small files, zlib's per-call cost otherwise doubles the walk. The zip bytes are
 * shared, results come back in order in transferred batches, and the worker pauses when the main
 * thread falls MAX_PENDING_KIB behind, until it is down to RESUME_PENDING_KIB. Jobs are claimed
 * from a shared counter: a job the worker has not reached yet (while it starts, ~50 ms) is read
 * by the main thread itself, and so is every job left when the worker fails.
 */
export class InflateWorker {
  private readonly worker: Worker
  /** By job index; a slot is cleared when taken. */
  private readonly results: Array<DataResult | undefined> = []
  private unread = 0
  private readonly pending = new Int32Array(new SharedArrayBuffer(4))
  /** The next job nobody has claimed. */
  private readonly claims = new Int32Array(new SharedArrayBuffer(4))
  private waiting: { index: number; wake: () => void } | undefined
  private finished = false
  private readonly done: Promise<void>
  private markDone = (): void => undefined
  /** KiB taken since the worker was last told. */
  private readKiB = 0

  constructor(
    private readonly zip: Buffer,
    jobs: readonly DataJob[],
    source = WORKER_SOURCE
  ) {
    this.worker = new Worker(source, {
      eval: true,
      workerData: {
        zip: zip.buffer,
        jobs: packJobs(jobs),
        pending: this.pending.buffer,
        claims: this.claims.buffer,
        batchBytes: BATCH_BYTES,
        shareableBytes: GUNZIP_WORKER_MIN_BYTES,
        maxPending: MAX_PENDING_KIB,
        resumePending: RESUME_PENDING_KIB
      }
    })
    this.done = new Promise((resolve) => (this.markDone = resolve))
    this.worker.on('message', (message: Message) => this.receive(message))
    this.worker.on('error', () => this.finish())
    this.worker.on('exit', () => this.finish())
  }

  /** Job `index`'s result, or READ_HERE; `index` counts up from 0 by one each call. */
  async result(index: number): Promise<DataResult | typeof READ_HERE> {
    for (let result = this.poll(index); ; result = this.poll(index)) {
      if (result !== undefined) return result
      await new Promise<void>((wake) => (this.waiting = { index, wake }))
    }
  }

  /**
   * `result` without the wait (one promise per entry adds up over 20,000 small files): undefined
   * while the worker is on the job.
   */
  poll(index: number): DataResult | typeof READ_HERE | undefined {
    const result = this.results[index]
    if (result === undefined) {
      if (this.finished || Atomics.compareExchange(this.claims, 0, index, index + 1) === index) {
        return READ_HERE
      }
      return undefined
    }
    this.results[index] = undefined
    this.unread--
    if ('data' in result && result.data.buffer !== this.zip.buffer) {
      this.readKiB += Math.ceil(result.data.length / 1024)
    }
    // all caught up: the worker must hear of everything before this thread waits for it
    if (this.readKiB >= RELEASE_KIB || (this.readKiB > 0 && this.unread === 0)) this.release()
    return result
  }

  /** Tells the worker how much it may inflate again, waking it only if that lets it go on. */
  private release(): void {
    releaseBacklog(this.pending, this.readKiB, RESUME_PENDING_KIB)
    this.readKiB = 0
  }

  /** Resolves once the worker has sent all it will send, or failed. */
  settled(): Promise<void> {
    return this.done
  }

  async close(): Promise<void> {
    this.finished = true
    await this.worker.terminate()
  }

  private receive(message: Message): void {
    if (message.done) return this.finish()
    for (const item of message.items ?? []) {
      if (item[1] === 'failure') {
        this.store(item[0], item[2])
        continue
      }
      const [index, where, offset, length, crcOk] = item
      const bytes =
        where === 'zip' ? this.zip.buffer : where === 'batch' ? message.batch : message.own
      this.store(index, { data: Buffer.from(bytes as ArrayBuffer, offset, length), crcOk })
    }
    this.wake()
  }

  private store(index: number, result: DataResult): void {
    this.results[index] = result
    this.unread++
  }

  private finish(): void {
    this.finished = true
    this.markDone()
    this.wake()
  }

  private wake(): void {
    const waiting = this.waiting
    if (waiting && (this.finished || this.results[waiting.index] !== undefined)) {
      this.waiting = undefined
      waiting.wake()
    }
  }
}

/** Shares the zip with a worker: bytes already in a SharedArrayBuffer are used as they are. */
export function toSharedBuffer(data: Buffer): Buffer {
  if (data.buffer instanceof SharedArrayBuffer) return data
  const shared = Buffer.from(new SharedArrayBuffer(data.length))
  data.copy(shared)
  return shared
}

function packJobs(jobs: readonly DataJob[]): Float64Array {
  const packed = new Float64Array(jobs.length * JOB_FIELDS)
  jobs.forEach((job, i) => {
    packed.set(
      [
        job.localHeaderOffset,
        job.compressedSize,
        job.uncompressedSize,
        job.method,
        job.crc32,
        job.limit,
        job.shared ? 1 : 0,
        job.fileSize
      ],
      i * JOB_FIELDS
    )
  })
  return packed
}

// Plain JS run with `eval: true`, so it needs no file of its own in the bundle; it reuses
// locateData, createInflater, decodeData and sendWithin through their source text. Inflated bytes are written
// straight into the batch (or, for a large member, a buffer of its own that is transferred).
const WORKER_SOURCE = `'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const zlib = require('node:zlib')
const locateData = ${locateData.toString()}
const createInflater = ${createInflater.toString()}
const decodeData = ${decodeData.toString()}
const inflate = createInflater(zlib)
const { jobs, batchBytes, shareableBytes, maxPending, resumePending } = workerData
const zip = Buffer.from(workerData.zip)
const pending = new Int32Array(workerData.pending)
const claims = new Int32Array(workerData.claims)
let batch = Buffer.allocUnsafe(batchBytes)
let used = 0
let items = []
let itemsKiB = 0
const sendWithin = ${sendWithin.toString()}
function send(message, transfer, kib) {
  sendWithin(parentPort, pending, maxPending, resumePending, message, transfer, kib)
}
/**
 * Room for a member's inflated bytes: the rest of the batch, or a buffer of its own when large,
 * shared when large enough to be gunzipped on a worker in turn (see allocateShareable).
 */
function allocate(bytes) {
  if (bytes >= shareableBytes) return Buffer.from(new SharedArrayBuffer(bytes))
  if (bytes > batchBytes / 4) return Buffer.allocUnsafeSlow(bytes)
  if (used + bytes > batchBytes) flush()
  return batch.subarray(used, used + bytes)
}
// the first batches are small, so the main thread, which read the jobs before, soon has work again
let batchItems = 16
function flush() {
  if (items.length === 0) return
  batchItems = Math.min(256, batchItems * 2)
  send({ batch: batch.buffer, items }, [batch.buffer], itemsKiB)
  batch = Buffer.allocUnsafe(batchBytes)
  used = 0
  items = []
  itemsKiB = 0
}
const jobCount = jobs.length / ${JOB_FIELDS}
for (;;) {
  if (items.length >= batchItems) flush() // before claiming: a worker paused in send holds no job
  const i = Atomics.add(claims, 0, 1)
  if (i >= jobCount) break
  const f = jobs.subarray(i * ${JOB_FIELDS}, (i + 1) * ${JOB_FIELDS})
  const job = { localHeaderOffset: f[0], compressedSize: f[1], uncompressedSize: f[2], method: f[3], crc32: f[4], limit: f[5], shared: f[6] === 1, fileSize: f[7] }
  const start = locateData(zip.subarray(job.localHeaderOffset, job.localHeaderOffset + 30), job)
  if (typeof start !== 'number') {
    items.push([i, 'failure', { failure: start }])
    continue
  }
  const result = decodeData(zlib, inflate, zip.subarray(start, start + job.compressedSize), job, allocate)
  if (result.failure) {
    items.push([i, 'failure', result])
    continue
  }
  const { data, crcOk } = result
  if (data.buffer === zip.buffer) {
    items.push([i, 'zip', data.byteOffset, data.length, crcOk])
  } else if (data.buffer !== batch.buffer) {
    flush()
    const transfer = data.buffer instanceof SharedArrayBuffer ? [] : [data.buffer]
    send({ own: data.buffer, items: [[i, 'own', data.byteOffset, data.length, crcOk]] }, transfer, Math.ceil(data.length / 1024))
  } else {
    items.push([i, 'batch', used, data.length, crcOk])
    used += data.length
    itemsKiB += Math.ceil(data.length / 1024)
  }
}
flush()
parentPort.postMessage({ done: true })
`
