import type { RandomAccess } from './byte-source.js'
import type { MemberProblem } from './emit-member.js'
import { describeUnsafePath } from './entry-paths.js'
import type { ZipRecord } from './zip-directory.js'
import { isLocalHeaderAt, LOCAL_HEADER_BYTES as HEADER_BYTES } from './zip-entry-data.js'
import { decodeZipName } from './zip-names.js'

/**
 * A member whose local header names it differently from the central directory: extractors that
 * stream through local headers (Java's `ZipInputStream`, streaming unzip libraries) write it
 * under the other name, which this audit never saw as a path. An unsafe local name is an
 * unsafe path; any other difference is reported as an inconsistent archive.
 */
export function checkLocalName(data: Buffer, record: ZipRecord): MemberProblem | undefined {
  return compareNames(data, record.localHeaderOffset, record)
}

/** `checkLocalName` for a zip read at offsets: the header and name come from the file. */
export async function checkLocalNameAt(
  reader: RandomAccess,
  record: ZipRecord
): Promise<MemberProblem | undefined> {
  // one read covers the header and a name as long as the directory's: the usual case
  const head = await reader.read(record.localHeaderOffset, HEADER_BYTES + record.rawName.length)
  if (!isLocalHeaderAt(head, 0)) return undefined
  const length = head.readUInt16LE(26)
  if (head.length >= HEADER_BYTES + length) return compareNames(head, 0, record)
  const name = await reader.read(record.localHeaderOffset + HEADER_BYTES, length)
  return compareNames(Buffer.concat([head.subarray(0, HEADER_BYTES), name]), 0, record)
}

/**
 * `bytes` holds the local header at `at`, and at least its name. Read byte by byte, without a
 * slice or a bounds-checked read per member: this runs for every member of every zip.
 */
function compareNames(bytes: Buffer, at: number, record: ZipRecord): MemberProblem | undefined {
  // a missing local header is reported when the data is read
  if (!isLocalHeaderAt(bytes, at)) return undefined
  const length = bytes[at + 26] | (bytes[at + 27] << 8)
  if (sameBytes(bytes, at + HEADER_BYTES, length, record.rawName)) {
    return compareMethods(bytes[at + 8] | (bytes[at + 9] << 8), record)
  }
  const header = bytes.subarray(at, at + HEADER_BYTES + length)
  const raw = header.subarray(HEADER_BYTES)
  const local = decodeZipName(raw, header.readUInt16LE(6), Buffer.alloc(0))
  const unsafe = describeUnsafePath(local)
  const named = `entry '${record.name}' is named '${local}' in its local header`
  return unsafe
    ? {
        rule: 'archive/unsafe-path',
        message: `${named}, an unsafe path (${unsafe}): extractors that read local headers could write outside the target folder`,
        details: { localName: local }
      }
    : {
        rule: 'archive/unreadable',
        message: `${named}: extractors that read local headers write it under that name, which was not audited as a path; its content was audited as '${record.name}'`,
        details: { localName: local }
      }
}

/**
 * A local header that names another compression method than the directory: extractors that read
 * local headers decode the data differently, so what they extract is not what was audited.
 */
function compareMethods(method: number, record: ZipRecord): MemberProblem | undefined {
  if (method === record.method) return undefined
  return {
    rule: 'archive/unreadable',
    message: `entry '${record.name}' has compression method ${method} in its local header and ${record.method} in the central directory: extractors that read local headers decode other bytes than the ones audited`,
    details: { localMethod: method, method: record.method }
  }
}

/**
 * Whether `bytes[from, from + length)` equals `expected`. A plain loop: names are short, and
 * `Buffer#equals` crosses into C++ (~0.6 µs a call, 12 ms over 20,000 members).
 */
function sameBytes(bytes: Buffer, from: number, length: number, expected: Buffer): boolean {
  if (length !== expected.length || from + length > bytes.length) return false
  for (let i = 0; i < length; i++) if (bytes[from + i] !== expected[i]) return false
  return true
}
