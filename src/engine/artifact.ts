/** One thing to audit, as a source hands it to the engine. */
export interface ArtifactInput {
  /** Display name, unique within one audit (a workflow artifact name, a file's relative path). */
  name: string
  /** Where it came from, for the report: `path`, `workflow artifact`, `npm pack`, `release asset`… */
  source: string
  /** A file (archive or single file), a folder, or bytes already in memory. */
  input:
    | { kind: 'file'; path: string }
    | { kind: 'dir'; path: string }
    | { kind: 'buffer'; data: Buffer }
}
