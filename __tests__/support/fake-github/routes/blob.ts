import type { Handler } from '../router.js'

/** Signed storage: no token, the `sig` query parameter is the credential (as with Azure SAS URLs). */
const getBlob: Handler = (ctx) => {
  const blob = ctx.state.blobs.get(Number(ctx.params.blob_id))
  if (blob === undefined) return { status: 404, data: Buffer.from('BlobNotFound') }
  if (ctx.query.sig !== blob.sig) return { status: 403, data: Buffer.from('AuthenticationFailed') }
  return {
    status: 200,
    data: blob.data,
    headers: {
      'content-type': blob.contentType,
      'content-disposition': contentDisposition(blob.fileName)
    }
  }
}

/** `attachment; filename=dist.zip`, quoted with an RFC 5987 `filename*` when the name needs it. */
export function contentDisposition(fileName: string): string {
  if (/^[\w.-]+$/.test(fileName)) return `attachment; filename=${fileName}`
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

export const BLOB_ROUTES: Record<string, Handler> = {
  'GET /blob/{blob_id}': getBlob
}
