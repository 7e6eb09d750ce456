import { closeSync, openSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { releaseBacklog, sendWithin } from './backlog.js'

/** Output chunk size, as the streaming decompressor's (see OUTPUT_CHUNK_BYTES in decompress.ts). */
const CHUNK_BYTES = 256 * 1024
/** The worker reads the compressed file in pieces of this size. */
const READ_BYTES = 256 * 1024
/**
 * The worker pauses when this many KiB of its output sit unread on the main thread, until they
 * are down to RESUME_AHEAD_KIB: enough to cover the main thread's pauses, little next to the
 * large entries the walk holds.
 */
const MAX_AHEAD_KIB = 2 * 1024
const RESUME_AHEAD_KIB = MAX_AHEAD_KIB / 2

/** A failure of the gzip data itself, as Node's zlib reports it (`code` is `Z_…`). */
export interface InflateFailure {
  code: string
  message: string
}

interface Message {
  chunk?: ArrayBuffer
  length?: number
  bytesIn?: number
  failure?: InflateFailure
  /** The worker cannot inflate here (its runtime lacks the engine's synchronous calls). */
  unsupported?: boolean
  /** Why the worker itself failed (it threw, ran out of memory, exited). */
  stopped?: string
  done?: boolean
}

/** The worker stopped after its output had begun: the rest of the stream cannot be read. */
export class InflateStopped extends Error {}

/** Chunks of a decompressed stream, and how many compressed bytes produced them. */
export interface Inflow {
  chunks: AsyncGenerator<Buffer>
  /** Compressed bytes consumed to produce the chunks yielded so far. */
  bytesIn(): number
}

/**
 * Gunzips a file, or bytes in shared memory, on a worker thread. The streaming decompressor runs zlib on the thread pool but
 * needs the main thread for every output chunk: while that thread works on an entry, inflating
 * stops. Here the worker reads and inflates on its own, MAX_AHEAD_KIB ahead of the reader, and
 * the chunks it fills are transferred, not copied. It answers what the streaming decompressor
 * would: the same engine (Node's own synchronous calls), members read on, trailing zero padding
 * ignored, a stream cut short or corrupt ends with the error zlib gives (thrown with its `code`),
 * after every byte inflated before it (the streaming one drops the chunk it was filling). When the
 * worker cannot start or cannot inflate in its runtime, `fallback` does the work instead; the
 * worker is stopped when the chunks are closed.
 */
export function gunzipInWorker(
  input: { path: string } | { data: Buffer },
  fallback: () => Inflow,
  source = WORKER_SOURCE
): Inflow {
  const ahead = new Int32Array(new SharedArrayBuffer(4))
  const queue: Message[] = []
  let wake: (() => void) | undefined
  const receive = (message: Message): void => {
    queue.push(message)
    wake?.()
  }
  // opened here, so it is closed here even when the worker is stopped mid-way
  const fd = 'path' in input ? openSync(input.path, 'r') : undefined
  const data = 'data' in input ? input.data : undefined
  let worker: Worker | undefined
  try {
    worker = new Worker(source, {
      eval: true,
      workerData: {
        fd,
        // the bytes where they lie (shared memory), or a copy where they are not
        shared: data && { buffer: data.buffer, offset: data.byteOffset, length: data.length },
        ahead: ahead.buffer,
        chunkBytes: CHUNK_BYTES,
        readBytes: READ_BYTES,
        maxAhead: MAX_AHEAD_KIB,
        resumeAhead: RESUME_AHEAD_KIB
      }
    })
    worker.on('message', receive)
    worker.on('error', (error: Error) => receive({ unsupported: true, stopped: error.message }))
    // after its last message: an exit before `done` is a stop, never a short read that passes
    worker.on('exit', () => receive({ unsupported: true, stopped: 'it exited early' }))
  } catch {
    receive({ unsupported: true })
  }
  let bytesIn = 0
  let instead: Inflow | undefined

  async function* chunks(): AsyncGenerator<Buffer> {
    let started = false
    try {
      for (;;) {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve))
        wake = undefined
        const message = queue.shift() as Message
        if (message.failure) throw failureError(message.failure)
        if (message.unsupported) {
          if (started)
            throw new InflateStopped(`the worker inflating it stopped: ${message.stopped}`)
          await stop()
          instead = fallback()
          yield* instead.chunks
          return
        }
        if (message.done) return
        started = true
        const chunk = Buffer.from(message.chunk as ArrayBuffer, 0, message.length)
        bytesIn = message.bytesIn ?? bytesIn
        releaseBacklog(ahead, Math.ceil(chunk.length / 1024), RESUME_AHEAD_KIB)
        yield chunk
      }
    } finally {
      await stop()
    }
  }
  let stopped = false
  async function stop(): Promise<void> {
    if (stopped) return
    stopped = true
    await worker?.terminate()
    if (fd !== undefined) closeSync(fd)
  }
  return { chunks: chunks(), bytesIn: () => (instead ? instead.bytesIn() : bytesIn) }
}

function failureError(failure: InflateFailure): Error {
  return Object.assign(new Error(failure.message), { code: failure.code })
}

// Plain JS run with `eval: true`, so it needs no file of its own in the bundle. The loop is Node's
// own synchronous one (zlib.js processChunkSync) on a Gunzip engine, fed from the file piece by
// piece: a write that leaves input unread with output room to spare means the stream has ended
// (the streaming decompressor then ends too); the end of the file is a Z_FINISH write, which fails
// with "unexpected end of file" when the stream is incomplete. Flow control is sendWithin's, by its
// source text.
const WORKER_SOURCE = `'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const fs = require('node:fs')
const zlib = require('node:zlib')
const { fd, shared, chunkBytes, readBytes, maxAhead, resumeAhead } = workerData
const ahead = new Int32Array(workerData.ahead)
const engine = zlib.createGunzip()
engine.on('error', () => undefined) // read from errored below; the event would be uncaught
const handle = engine._handle
const state = engine._writeState
if (!handle || typeof handle.writeSync !== 'function' || !ArrayBuffer.isView(state)) {
  parentPort.postMessage({ unsupported: true })
  process.exit(0)
}
let out = Buffer.allocUnsafeSlow(chunkBytes)
let used = 0
let bytesIn = 0
const sendWithin = ${sendWithin.toString()}
function emit() {
  if (used === 0) return
  const message = { chunk: out.buffer, length: used, bytesIn }
  const kib = Math.ceil(used / 1024)
  out = Buffer.allocUnsafeSlow(chunkBytes)
  used = 0
  sendWithin(parentPort, ahead, maxAhead, resumeAhead, message, [message.chunk], kib)
}
let failed = false
/** Inflates one piece of input; false once the stream has ended or failed. */
function write(flush, input, length) {
  let offset = 0
  let avail = length
  for (;;) {
    handle.writeSync(flush, input, offset, avail, out, used, chunkBytes - used)
    if (engine.destroyed) {
      emit()
      const error = engine.errored
      parentPort.postMessage({ failure: { code: String(error && error.code), message: String(error && error.message) } })
      failed = true
      return false
    }
    const availOut = state[0]
    const availIn = state[1]
    bytesIn += avail - availIn
    offset += avail - availIn
    avail = availIn
    used = chunkBytes - availOut
    if (availOut === 0) {
      emit()
      continue
    }
    return availIn === 0
  }
}
const bytes = shared && Buffer.from(shared.buffer, shared.offset, shared.length)
const piece = bytes ? undefined : Buffer.allocUnsafe(readBytes)
/** The next piece of compressed input at \`position\` (empty at the end). */
function readAt(position) {
  if (bytes) return bytes.subarray(position, position + readBytes)
  return piece.subarray(0, fs.readSync(fd, piece, 0, readBytes, position))
}
try {
  for (let position = 0, going = true; going; ) {
    const input = readAt(position)
    const read = input.length
    position += read
    going = write(read === 0 ? zlib.constants.Z_FINISH : zlib.constants.Z_NO_FLUSH, input, read) && read > 0
  }
  if (!failed) {
    emit()
    parentPort.postMessage({ done: true })
  }
} catch (error) {
  // the file itself failed (unreadable): as the streaming reader would say it
  parentPort.postMessage({ failure: { code: String(error.code), message: String(error.message) } })
}
`
