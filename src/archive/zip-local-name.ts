import type { RandomAccess } from './byte-source.js'
import type { MemberProblem } from './emit-member.js'
import { describeUnsafePath } from './entry-paths.js'
import type { ZipRecord } from './zip-directory.js'
import { decodeZipName } from './zip-names.js'

const LOCAL_SIGNATURE = 0x04034b50
const HEADER_BYTES = 30

/**
 * A member whose local header names it differently from the central directory: extractors that
 * stream through local headers (Java's `ZipInputStream`, streaming unzip libraries) write it
 * under the other name, which this audit never saw as a path. An unsafe local name is an
 * unsafe path; any other difference is reported as an inconsistent archive.
 */
export function checkLocalName(reader: RandomAccess, record: ZipRecord): MemberProblem | undefined {
  if (!reader.data) return undefined
  const at = record.localHeaderOffset
  return compareNames(reader.data.subarray(at, at + HEADER_BYTES + 0xffff), record)
}

/** `checkLocalName` for a zip read at offsets: the header and name come from the file. */
export async function checkLocalNameAt(
  reader: RandomAccess,
  record: ZipRecord
): Promise<MemberProblem | undefined> {
  // one read covers the header and a name as long as the directory's: the usual case
  const head = await reader.read(record.localHeaderOffset, HEADER_BYTES + record.rawName.length)
  if (head.length < HEADER_BYTES || head.readUInt32LE(0) !== LOCAL_SIGNATURE) return undefined
  const length = head.readUInt16LE(26)
  if (head.length >= HEADER_BYTES + length) return compareNames(head, record)
  const name = await reader.read(record.localHeaderOffset + HEADER_BYTES, length)
  return compareNames(Buffer.concat([head.subarray(0, HEADER_BYTES), name]), record)
}

/** `header`: the local header and at least its name. */
function compareNames(header: Buffer, record: ZipRecord): MemberProblem | undefined {
  // a missing local header is reported when the data is read
  if (header.length < HEADER_BYTES || header.readUInt32LE(0) !== LOCAL_SIGNATURE) return undefined
  const raw = header.subarray(HEADER_BYTES, HEADER_BYTES + header.readUInt16LE(26))
  if (raw.equals(record.rawName)) return compareMethods(header, record)
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
function compareMethods(header: Buffer, record: ZipRecord): MemberProblem | undefined {
  const method = header.readUInt16LE(8)
  if (method === record.method) return undefined
  return {
    rule: 'archive/unreadable',
    message: `entry '${record.name}' has compression method ${method} in its local header and ${record.method} in the central directory: extractors that read local headers decode other bytes than the ones audited`,
    details: { localMethod: method, method: record.method }
  }
}
